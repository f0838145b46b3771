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
     * Where a {@code (?iu)} pattern that begins with {@code \b} and a word of these (lower-case ASCII) first letters
     * can match: a char that folds to one of them, unless it and the char before it are both ASCII word chars,
     * between which {@code \b} never holds.
     */
    static MatchStart wordStartFolded(String letters) {
        boolean[] firsts = new boolean[128];
        letters.chars().forEach(c -> firsts[c] = true);
        return (text, index) -> {
            char c = text.charAt(index);
            char folded = Labels.fold(c);
            return folded < 128 && firsts[folded]
                    && (index == 0 || !isAsciiWord(c) || !isAsciiWord(text.charAt(index - 1)));
        };
    }
}
