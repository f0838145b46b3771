package io.mailsift.purchases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A mail body as lines of text, for rules that read labels and values: the plain-text body as it is, or the HTML
 * body with each block, line break and table row on a line of its own and the cells of a row separated by tabs, so
 * that "Order number | 12345" in a table reads as one line, as in the plain text.
 */
final class MailText {

    private static final Pattern HIDDEN = Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<\\s*(?:br|/?p|/?div|/?tr|/?li|/?h[1-6]|/?table|/?ul|/?ol)\\b[^>]*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)<\\s*/\\s*t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

    private static final Pattern SPACE_AROUND_TAB = Pattern.compile("[ \\u00A0]*\\t[\\s&&[^\\n]]*");
    private static final Pattern EDGE_SPACE = Pattern.compile("(?m)^[ \\t\\u00A0]+|[ \\t\\u00A0]+$");

    private static final Pattern NAMED_ENTITY = Pattern.compile("&([a-zA-Z]{2,8});");
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
        String text = replaceAll(HIDDEN, html, "<", ' ');
        text = replaceAll(LINE_BREAK, text, "<", '\n');
        text = replaceAll(CELL_END, text, "<", '\t');
        text = replaceAll(TAG, text, "<", ' ');
        text = text.replace("&nbsp;", " ").replace("&euro;", "€").replace("&pound;", "£").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'");
        if (text.indexOf('&') >= 0) {
            Matcher named = NAMED_ENTITY.matcher(text);
            StringBuilder decoded = new StringBuilder();
            while (named.find()) {
                String character = NAMED.getOrDefault(named.group(1), named.group());
                named.appendReplacement(decoded, Matcher.quoteReplacement(character));
            }
            named.appendTail(decoded);
            text = decoded.toString();
        }
        if (text.indexOf("&#") >= 0) {
            text = numericEntitiesDecoded(text);
        }
        String joined = text.replace("&amp;", "&");
        if (joined.indexOf('\t') >= 0) {
            joined = replaceAll(SPACE_AROUND_TAB, joined, " \u00A0\t", '\t');
        }
        return replaceAll(EDGE_SPACE, joined, " \t\u00A0", null);
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

    /**
     * {@code pattern}'s matches replaced by {@code replacement} (none: removed), as {@code replaceAll} would, for a
     * pattern whose matches all start with one of {@code starts}: the regex is tried only there, not at every
     * character of the mail.
     */
    private static String replaceAll(Pattern pattern, String text, String starts, @Nullable Character replacement) {
        int at = next(text, starts, 0);
        if (at < 0) {
            return text;
        }
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder replaced = new StringBuilder(text.length());
        int copied = 0;
        boolean found = false;
        while (at >= 0) {
            if (matcher.region(at, text.length()).lookingAt()) {
                replaced.append(text, copied, at);
                if (replacement != null) {
                    replaced.append(replacement.charValue());
                }
                copied = matcher.end();
                found = true;
                at = next(text, starts, copied);
            } else {
                at = next(text, starts, at + 1);
            }
        }
        return found ? replaced.append(text, copied, text.length()).toString() : text;
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
