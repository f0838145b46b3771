package io.mailsift.purchases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pattern.matcher(text).find()} for a pattern whose every match begins with one of a few letters at the start
 * of a word ({@code \b} or {@code (?<![\p{L}])} before a letter), tried only where such a letter stands and does not
 * follow an ASCII letter. {@code find()} tries the pattern at every position of the text, boundary check first, which
 * made each of these patterns several percent of the backfill's CPU; the answer is the same
 * (PurchaseSpeedPathsTest checks every character against each pattern).
 */
final class WordStartSearch {

    private final Pattern pattern;
    private final boolean[] mayStart = new boolean[Character.MAX_VALUE + 1];

    /**
     * @param firstLetters the lower-case ASCII letters the pattern's matches begin with; a character counts as one
     *                     when it is one in either case as the pattern's Unicode case folding compares them
     */
    WordStartSearch(Pattern pattern, String firstLetters) {
        this.pattern = pattern;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char each = (char) c;
            mayStart[c] = firstLetters.indexOf(each) >= 0
                    || firstLetters.indexOf(Character.toLowerCase(each)) >= 0
                    || firstLetters.indexOf(Character.toLowerCase(Character.toUpperCase(each))) >= 0;
        }
    }

    Pattern pattern() {
        return pattern;
    }

    boolean mayStart(char c) {
        return mayStart[c];
    }

    /** Whether the pattern matches anywhere in {@code text}: as {@code find()}. */
    boolean find(String text) {
        int at = nextCandidate(text, 0);
        return at >= 0 && find(matcher(text), text, at);
    }

    /** A matcher for {@link #find(Matcher, String, int)}. */
    Matcher matcher(String text) {
        // Transparent bounds: the boundary check before the match sees the text before the region.
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * The first match that starts at {@code from} or later, in {@code matcher} (of {@link #matcher(String)} on the same
     * text): as a {@code find()} loop does after a match that ended at {@code from}.
     */
    boolean find(Matcher matcher, String text, int from) {
        for (int at = nextCandidate(text, from); at >= 0; at = nextCandidate(text, at + 1)) {
            if (matcher.region(at, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private int nextCandidate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (mayStart[text.charAt(i)] && (i == 0 || !isAsciiLetter(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
