package io.mailsift.purchases;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A mail body as lines of text, for rules that read labels and values: the plain-text body as it is, or the HTML
 * body with each block, line break and table row on a line of its own and the cells of a row separated by tabs, so
 * that "Order number | 12345" in a table reads as one line, as in the plain text.
 */
final class MailText {

    static final Pattern HIDDEN = Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>|<!--.*?-->");
    static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<\\s*(?:br|/?p|/?div|/?tr|/?li|/?h[1-6]|/?table|/?ul|/?ol)\\b[^>]*>");
    static final Pattern CELL_END = Pattern.compile("(?i)<\\s*/\\s*t[dh]\\s*>");
    static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    static final Pattern SPACE_AROUND_TAB = Pattern.compile("[ \\u00A0]*\\t[\\s&&[^\\n]]*");
    static final Pattern EDGE_SPACE = Pattern.compile("(?m)^[ \\t\\u00A0]+|[ \\t\\u00A0]+$");

    static final Pattern NAMED_ENTITY = Pattern.compile("&([a-zA-Z]{2,8});");
    /** The named entities of receipts: quantities ("2 &times;"), separators and the accents of French and German. */
    private static final java.util.Map<String, String> NAMED = java.util.Map.ofEntries(
            java.util.Map.entry("times", "×"), java.util.Map.entry("middot", "·"), java.util.Map.entry("bull", "•"),
            java.util.Map.entry("ndash", "–"), java.util.Map.entry("mdash", "—"), java.util.Map.entry("rsquo", "’"),
            java.util.Map.entry("lsquo", "‘"), java.util.Map.entry("hellip", "…"), java.util.Map.entry("yen", "¥"),
            java.util.Map.entry("cent", "¢"), java.util.Map.entry("deg", "°"), java.util.Map.entry("ordm", "º"),
            java.util.Map.entry("eacute", "é"), java.util.Map.entry("egrave", "è"), java.util.Map.entry("ecirc", "ê"),
            java.util.Map.entry("agrave", "à"), java.util.Map.entry("acirc", "â"), java.util.Map.entry("ccedil", "ç"),
            java.util.Map.entry("ocirc", "ô"), java.util.Map.entry("ucirc", "û"), java.util.Map.entry("icirc", "î"),
            java.util.Map.entry("euml", "ë"), java.util.Map.entry("iuml", "ï"), java.util.Map.entry("Eacute", "É"),
            java.util.Map.entry("auml", "ä"), java.util.Map.entry("ouml", "ö"), java.util.Map.entry("uuml", "ü"),
            java.util.Map.entry("Auml", "Ä"), java.util.Map.entry("Ouml", "Ö"), java.util.Map.entry("Uuml", "Ü"),
            java.util.Map.entry("szlig", "ß"));

    private MailText() {
    }

    static String ofHtml(String html) {
        String text = replaceAll(MailText::hiddenEnd, html, "<", ' ');
        text = replaceAll(MailText::lineBreakEnd, text, "<", '\n');
        text = replaceAll(MailText::cellEndEnd, text, "<", '\t');
        text = replaceAll(MailText::tagEnd, text, "<", ' ');
        String joined = text.indexOf('&') < 0 ? text : entitiesDecoded(text); // every entity starts with "&"
        if (joined.indexOf('\t') >= 0) {
            joined = spaceAroundTabsJoined(joined);
        }
        return edgeSpaceRemoved(joined);
    }

    private static String entitiesDecoded(String html) {
        String text = html.replace("&nbsp;", " ").replace("&euro;", "€").replace("&pound;", "£").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'");
        if (text.indexOf('&') >= 0) {
            text = namedEntitiesDecoded(text);
        }
        if (text.indexOf("&#") >= 0) {
            text = numericEntitiesDecoded(text);
        }
        return text.replace("&amp;", "&");
    }

    /** {@link #NAMED_ENTITY}'s matches replaced as a find() loop would, the pattern tried only at an "&". */
    static String namedEntitiesDecoded(String text) {
        Matcher named = NAMED_ENTITY.matcher(text);
        StringBuilder decoded = null;
        int copied = 0;
        int at = text.indexOf('&');
        while (at >= 0) {
            if (named.region(at, text.length()).lookingAt()) {
                if (decoded == null) {
                    decoded = new StringBuilder(text.length());
                }
                decoded.append(text, copied, at).append(namedCharacter(named.group(1), named.group()));
                copied = named.end();
                at = text.indexOf('&', copied);
            } else {
                at = text.indexOf('&', at + 1);
            }
        }
        return decoded == null ? text : decoded.append(text, copied, text.length()).toString();
    }

    /**
     * {@code SPACE_AROUND_TAB.matcher(text).replaceAll("\t")} in one walk: a run of spaces (normal or no-break)
     * followed by a tab, the tab and the white space after it but a line break, become one tab; a run of spaces
     * before no tab stays as it is (tried from each of its spaces, the pattern fails at the same character).
     */
    static String spaceAroundTabsJoined(String text) {
        // Every match holds a tab: each tab is found by indexOf, and the spaces before it are walked back to.
        StringBuilder joined = null;
        int copied = 0;
        int length = text.length();
        for (int tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', copied)) {
            int start = tab;
            while (start > copied && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\u00A0')) {
                start--;
            }
            int end = tab + 1;
            while (end < length && text.charAt(end) != '\n' && isRegexSpace(text.charAt(end))) {
                end++;
            }
            if (joined == null) {
                joined = new StringBuilder(length);
            }
            joined.append(text, copied, start).append('\t');
            copied = end;
        }
        return joined == null ? text : joined.append(text, copied, length).toString();
    }

    /**
     * {@code EDGE_SPACE.matcher(text).replaceAll("")} in one walk: each whole run of spaces, tabs and no-break
     * spaces that starts or ends a line is removed (a greedy run can only give back spaces, before which no line ends: the expression removes a whole run or none of it).
     */
    static String edgeSpaceRemoved(String text) {
        if (text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
            return edgeSpaceRemovedAroundNewlines(text);
        }
        StringBuilder kept = null;
        int copied = 0;
        int at = 0;
        int length = text.length();
        while (at < length) {
            char c = text.charAt(at);
            if (!isEdgeSpace(c)) {
                at++;
                continue;
            }
            int end = at + 1;
            while (end < length && isEdgeSpace(text.charAt(end))) {
                end++;
            }
            boolean lineStart = at == 0 || isLineTerminator(text.charAt(at - 1));
            boolean lineEnd = end == length || isLineTerminator(text.charAt(end));
            if (lineStart || lineEnd) {
                if (kept == null) {
                    kept = new StringBuilder(length);
                }
                kept.append(text, copied, at);
                copied = end;
            }
            at = end;
        }
        return kept == null ? text : kept.append(text, copied, length).toString();
    }

    /**
     * {@link #edgeSpaceRemoved} for a text whose only line terminators are "\n" and "\r": the runs that start or end
     * a line are those around each of them (found by indexOf) and at the ends of the text; the rest is not walked.
     */
    private static String edgeSpaceRemovedAroundNewlines(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        int length = text.length();
        int copied = 0;
        int lead = 0;
        while (lead < length && isEdgeSpace(text.charAt(lead))) {
            lead++;
        }
        copied = lead;
        boolean removed = lead > 0;
        int nextFeed = text.indexOf('\n', copied);
        int nextReturn = text.indexOf('\r', copied);
        while (nextFeed >= 0 || nextReturn >= 0) {
            int newline;
            if (nextReturn < 0 || nextFeed >= 0 && nextFeed < nextReturn) {
                newline = nextFeed;
                nextFeed = text.indexOf('\n', newline + 1);
            } else {
                newline = nextReturn;
                nextReturn = text.indexOf('\r', newline + 1);
            }
            int start = newline;
            while (start > copied && isEdgeSpace(text.charAt(start - 1))) {
                start--;
            }
            int end = newline + 1;
            while (end < length && isEdgeSpace(text.charAt(end))) {
                end++;
            }
            if (start < newline || end > newline + 1) {
                kept.append(text, copied, start).append(text.charAt(newline));
                copied = end;
                removed = true;
            }
        }
        int tail = length;
        while (tail > copied && isEdgeSpace(text.charAt(tail - 1))) {
            tail--;
        }
        removed |= tail < length;
        return removed ? kept.append(text, copied, tail).toString() : text;
    }

    private static boolean isEdgeSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** The character a named entity stands for, or the entity as written if it is not one of {@link #NAMED}. */
    static String namedCharacter(String name, String entity) {
        return NAMED.getOrDefault(name, entity);
    }

    private static String numericEntitiesDecoded(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            String replacement = Character.isValidCodePoint(code) ? Character.toString(code) : " ";
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        numeric.appendTail(decoded);
        return decoded.toString();
    }

    /** Where a match that starts at a given index of a text ends; -1: no match starts there. */
    @FunctionalInterface
    interface MatchEnd {
        int at(String text, int start);
    }

    /** {@code pattern}'s match at an index, as {@code lookingAt()} from there with the whole text around it. */
    static MatchEnd lookingAt(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        return (in, start) -> matcher.region(start, in.length()).lookingAt() ? matcher.end() : -1;
    }

    /**
     * The matches of a pattern replaced by {@code replacement} (none: removed), as {@code replaceAll} would, for a
     * pattern whose matches all start with one of {@code starts}: {@code match} says, only there, whether and where
     * a match ends.
     */
    private static String replaceAll(MatchEnd match, String text, String starts, @Nullable Character replacement) {
        int at = next(text, starts, 0);
        if (at < 0) {
            return text;
        }
        StringBuilder replaced = new StringBuilder(text.length());
        int copied = 0;
        boolean found = false;
        while (at >= 0) {
            int end = match.at(text, at);
            if (end >= 0) {
                replaced.append(text, copied, at);
                if (replacement != null) {
                    replaced.append(replacement.charValue());
                }
                copied = end;
                found = true;
                at = next(text, starts, copied);
            } else {
                at = next(text, starts, at + 1);
            }
        }
        return found ? replaced.append(text, copied, text.length()).toString() : text;
    }

    // The tag scanners below stand for the regular expressions HIDDEN, LINE_BREAK, CELL_END and TAG, as the space
    // walks above stand for SPACE_AROUND_TAB and EDGE_SPACE (kept as their specification; MailTextScannersTest
    // compares them): the expressions, tried at
    // every "<" of a 50 KB newsletter, were a fifth of the connector's time. (?i) without UNICODE_CASE compares
    // ASCII letters only, \s without UNICODE_CHARACTER_CLASS is [ \t\n\x0B\f\r], \b is between an ASCII word
    // character and another.

    private static final List<String> HIDDEN_ELEMENTS = List.of("head", "style", "script", "title");
    private static final List<String> LINE_BREAK_ELEMENTS = List.of("p", "div", "tr", "li", "table", "ul", "ol");

    /** {@link #HIDDEN}: {@code <(head|style|script|title)\b.*?</\1\s*>} or {@code <!--.*?-->}. */
    static int hiddenEnd(String text, int start) {
        if (text.startsWith("!--", start + 1)) {
            int close = text.indexOf("-->", start + 4);
            return close < 0 ? -1 : close + 3;
        }
        for (String element : HIDDEN_ELEMENTS) {
            int nameEnd = start + 1 + element.length();
            if (!asciiIgnoringCase(text, start + 1, element)) {
                continue;
            }
            if (continuesWord(text, nameEnd)) {
                return -1; // no other element's name starts as this one's does
            }
            for (int close = text.indexOf("</", nameEnd); close >= 0; close = text.indexOf("</", close + 1)) {
                if (asciiIgnoringCase(text, close + 2, element)) {
                    int at = skipSpaces(text, close + 2 + element.length());
                    if (at < text.length() && text.charAt(at) == '>') {
                        return at + 1;
                    }
                }
            }
            return -1;
        }
        return -1;
    }

    /** {@link #LINE_BREAK}: {@code <\s*(?:br|/?p|/?div|/?tr|/?li|/?h[1-6]|/?table|/?ul|/?ol)\b[^>]*>}. */
    static int lineBreakEnd(String text, int start) {
        int at = skipSpaces(text, start + 1);
        int nameEnd = -1;
        if (asciiIgnoringCase(text, at, "br")) {
            nameEnd = at + 2;
        } else {
            if (at < text.length() && text.charAt(at) == '/') {
                at++;
            }
            if (at + 1 < text.length() && (text.charAt(at) == 'h' || text.charAt(at) == 'H')
                    && text.charAt(at + 1) >= '1' && text.charAt(at + 1) <= '6') {
                nameEnd = at + 2;
            } else {
                for (String element : LINE_BREAK_ELEMENTS) {
                    if (asciiIgnoringCase(text, at, element)) {
                        nameEnd = at + element.length(); // the names differ where they start alike ("tr", "table")
                        break;
                    }
                }
            }
        }
        if (nameEnd < 0 || continuesWord(text, nameEnd)) {
            return -1;
        }
        int close = text.indexOf('>', nameEnd);
        return close < 0 ? -1 : close + 1;
    }

    /** {@link #CELL_END}: an end tag of a table cell, {@code td} or {@code th}, spaces allowed around its slash. */
    static int cellEndEnd(String text, int start) {
        int at = skipSpaces(text, start + 1);
        if (at >= text.length() || text.charAt(at) != '/') {
            return -1;
        }
        at = skipSpaces(text, at + 1);
        if (!asciiIgnoringCase(text, at, "td") && !asciiIgnoringCase(text, at, "th")) {
            return -1;
        }
        at = skipSpaces(text, at + 2);
        return at < text.length() && text.charAt(at) == '>' ? at + 1 : -1;
    }

    /** {@link #TAG}: {@code <[^>]*>}. */
    static int tagEnd(String text, int start) {
        int close = text.indexOf('>', start + 1);
        return close < 0 ? -1 : close + 1;
    }

    /** What {@code ^} and {@code $} of a MULTILINE pattern take as the end of a line. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Whether {@code text} holds {@code lowerCaseWord} at {@code at}, ASCII letters compared ignoring case. */
    static boolean asciiIgnoringCase(String text, int at, String lowerCaseWord) {
        if (at < 0 || at + lowerCaseWord.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseWord.length(); i++) {
            char c = text.charAt(at + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerCaseWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && isRegexSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** {@code \\s} of a pattern without the UNICODE_CHARACTER_CLASS flag. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Whether the character at {@code at}, after a word character, leaves no {@code \b} between them: an ASCII word
     * character, or a non-spacing mark (Java's {@code \b} reads it as part of the word before it).
     */
    private static boolean continuesWord(String text, int at) {
        return at < text.length() && (isAsciiWord(text.charAt(at))
                || Character.getType(text.codePointAt(at)) == Character.NON_SPACING_MARK);
    }

    private static boolean isAsciiWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static int next(String text, String starts, int from) {
        if (starts.length() == 1) {
            return text.indexOf(starts.charAt(0), from);
        }
        for (int i = from; i < text.length(); i++) {
            if (starts.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
