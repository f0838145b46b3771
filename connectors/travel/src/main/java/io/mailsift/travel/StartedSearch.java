package io.mailsift.travel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern's {@code find()}, tried only where a match can begin: {@link Matcher#find()} tries the whole pattern at
 * every index of the text, which over a 50 KB newsletter cost more than the rest of its reading. The matches are
 * exactly {@code find()}'s as long as {@code start} holds wherever a match begins; the region keeps transparent
 * bounds, so look-behinds and word boundaries still see the text before it. The pattern must never match the empty
 * string.
 *
 * @param pattern the pattern
 * @param start true at every index a match of the pattern can begin at (and may be true elsewhere)
 * @param first when not 0, the one character every match begins with, found with {@link String#indexOf(int)}
 */
record StartedSearch(Pattern pattern, MatchStart start, char first) {

    /** A cheap test of the text at an index: false only where no match can begin. */
    @FunctionalInterface
    interface MatchStart {
        boolean possibleAt(String text, int index);
    }

    /** A pattern whose every match begins with this character. */
    static StartedSearch beginningWith(Pattern pattern, char first) {
        return new StartedSearch(pattern, (text, index) -> text.charAt(index) == first, first);
    }

    /** A pattern whose every match begins with this character, where {@code start} holds. */
    static StartedSearch beginningWith(Pattern pattern, char first, MatchStart start) {
        return new StartedSearch(pattern, (text, index) -> text.charAt(index) == first && start.possibleAt(text, index),
                first);
    }

    /** A pattern whose every match begins where {@code start} holds. */
    static StartedSearch where(Pattern pattern, MatchStart start) {
        return new StartedSearch(pattern, start, (char) 0);
    }

    /** Whether the pattern matches anywhere in the text. */
    boolean find(String text) {
        return find(pattern.matcher(text), text, 0);
    }

    /**
     * The first match starting at or after {@code from}, into {@code matcher} (a matcher of this pattern over
     * {@code text}), as {@code find()} from that index would give it.
     */
    boolean find(Matcher matcher, String text, int from) {
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int length = text.length();
        if (first != 0) {
            for (int at = text.indexOf(first, from); at >= 0; at = text.indexOf(first, at + 1)) {
                if (!start.possibleAt(text, at)) {
                    continue;
                }
                matcher.region(at, length);
                if (matcher.lookingAt()) {
                    return true;
                }
            }
            return false;
        }
        for (int at = from; at < length; at++) {
            if (start.possibleAt(text, at)) {
                matcher.region(at, length);
                if (matcher.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code replaceAll} with a literal replacement: every match, as {@code find()} goes on, replaced. */
    String replaceAll(String text, String replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        for (int from = 0; find(matcher, text, from); from = matcher.end()) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, matcher.start()).append(replacement);
            copied = matcher.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** {@code \w} and {@code \b}'s word characters without Unicode classes: ASCII letters, digits and '_'. */
    static boolean isAsciiWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * Where a {@code (?iu)} pattern that begins with {@code \b} and then one of these words can match (each in lower
     * case, its first char ASCII, each char its own fold): where the text's chars fold to one of the words, unless
     * the first and the char before it are both ASCII word chars, between which {@code \b} never holds.
     */
    static MatchStart wordStartFolded(String... words) {
        String[][] byFirst = new String[128][];
        for (String word : words) {
            char first = word.charAt(0);
            if (first >= 128 || !Labels.fold(word).equals(word)) {
                throw new IllegalArgumentException("not a folded word with an ASCII first char: " + word);
            }
            String[] known = byFirst[first] == null ? new String[0] : byFirst[first];
            byFirst[first] = java.util.Arrays.copyOf(known, known.length + 1);
            byFirst[first][known.length] = word;
        }
        return (text, index) -> {
            char c = text.charAt(index);
            char folded = Labels.fold(c);
            if (folded >= 128 || byFirst[folded] == null
                    || index > 0 && isAsciiWord(c) && isAsciiWord(text.charAt(index - 1))) {
                return false;
            }
            for (String word : byFirst[folded]) {
                if (foldedAt(text, index, word)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Whether the text's chars from the index on fold to the word's. */
    private static boolean foldedAt(String text, int index, String word) {
        if (index + word.length() > text.length()) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Labels.fold(text.charAt(index + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
