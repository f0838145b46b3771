package io.mailsift.connector.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code application/ld+json} scripts of an HTML body by scanning its tags, without building a DOM: the same
 * scripts, in the same order and with the same text, that jsoup's parser finds ({@code script[type]} elements), for
 * the HTML this scanner understands; for anything else it answers {@code null} and the caller parses the document.
 * Building the DOM of a 10–50 KB newsletter only to read one script was a third of the cost of parsing such a mail.
 *
 * <p>It follows the HTML tokenizer where that decides what is a script: comments, tags whose quoted attribute values may
 * hold {@code <} and {@code >}, and the raw-text and RCDATA elements ({@code style}, {@code textarea}, {@code title},
 * ...) whose content holds no tags. It gives up ({@code null}) on what changes the rules: SVG and MathML (foreign
 * content), frame sets, {@code plaintext}, {@code noscript} (parsed differently in the head and the body), character
 * references in a script's attributes, a script left open, and script text with {@code <!--} (the tokenizer's escaped
 * states decide where such a script ends).
 */
final class RawScripts {

    /** Elements whose content is text up to their end tag, never tags. */
    private static final List<String> TEXT_ONLY = List.of(
            "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes");
    /** Elements after which the tokenizer's rules differ from what is scanned here. */
    private static final List<String> GIVE_UP = List.of(
            "svg", "math", "frameset", "plaintext", "noscript");

    private final String html;
    private int at;

    private RawScripts(String html) {
        this.html = html;
    }

    /** The text of each JSON-LD script in document order, or {@code null} when the HTML needs a real parser. */
    static @Nullable List<String> jsonLd(String html) {
        return new RawScripts(html).scan();
    }

    private @Nullable List<String> scan() {
        List<String> scripts = new ArrayList<>();
        int length = html.length();
        while (true) {
            int open = html.indexOf('<', at);
            if (open < 0 || open + 1 >= length) {
                return scripts;
            }
            at = open + 1;
            char next = html.charAt(at);
            if (next == '!') {
                if (html.startsWith("!--", at)) {
                    skipComment();
                } else {
                    skipPast('>'); // doctype, CDATA outside foreign content, bogus comments
                }
            } else if (next == '?') {
                skipPast('>');
            } else if (next == '/') {
                if (at + 1 < length && isAsciiLetter(html.charAt(at + 1))) {
                    at++;
                    skipTagName();
                    if (!attributes(null)) {
                        return scripts; // an end tag cut off at the end: nothing more to find
                    }
                } else {
                    skipPast('>');
                }
            } else if (isAsciiLetter(next)) {
                String name = tagName();
                if (GIVE_UP.contains(name)) {
                    return null;
                }
                List<String[]> attributes = "script".equals(name) ? new ArrayList<>() : null;
                if (!attributes(attributes)) {
                    return "script".equals(name) ? null : scripts;
                }
                if ("script".equals(name)) {
                    String data = scriptData();
                    if (data == null) {
                        return null;
                    }
                    String type = firstValue(Objects.requireNonNull(attributes), "type");
                    if (type != null && type.indexOf('&') >= 0) {
                        return null; // a character reference the parser would decode
                    }
                    if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                        scripts.add(data.replace('\0', '\uFFFD'));
                    }
                } else if (TEXT_ONLY.contains(name)) {
                    skipToEndTag(name);
                }
            }
            // anything else after '<' is text
        }
    }

    /** After {@code <!--}: to the end of the comment, {@code -->} (also {@code <!-->} and {@code <!--->}). */
    private void skipComment() {
        int start = at + 3;
        if (html.startsWith(">", start)) {
            at = start + 1;
            return;
        }
        if (html.startsWith("->", start)) {
            at = start + 2;
            return;
        }
        int end = html.indexOf("-->", start);
        int bang = html.indexOf("--!>", start);
        if (bang >= 0 && (end < 0 || bang < end)) {
            at = bang + 4;
        } else {
            at = end < 0 ? html.length() : end + 3;
        }
    }

    private void skipPast(char c) {
        int end = html.indexOf(c, at);
        at = end < 0 ? html.length() : end + 1;
    }

    /** The tag name from here, lower case; stops at whitespace, {@code /} or {@code >}. */
    private String tagName() {
        int start = at;
        skipTagName();
        return html.substring(start, at).toLowerCase(Locale.ROOT);
    }

    /** Past the tag name, as {@link #tagName()} reads it: an end tag's name is not needed. */
    private void skipTagName() {
        while (at < html.length() && !isSpace(html.charAt(at)) && html.charAt(at) != '/' && html.charAt(at) != '>') {
            at++;
        }
    }

    /**
     * Reads attributes up to and past the tag's {@code >}, collecting name and raw value pairs when {@code into} is
     * given; {@code false} when the document ends inside the tag.
     */
    private boolean attributes(@Nullable List<String[]> into) {
        int length = html.length();
        while (true) {
            while (at < length && (isSpace(html.charAt(at)) || html.charAt(at) == '/')) {
                at++;
            }
            if (at >= length) {
                return false;
            }
            if (html.charAt(at) == '>') {
                at++;
                return true;
            }
            int nameStart = at;
            at++; // the first character belongs to the name, even '='
            while (at < length && !isSpace(html.charAt(at)) && "/>=".indexOf(html.charAt(at)) < 0) {
                at++;
            }
            // names and values are copied only for a tag whose attributes are wanted (a script's)
            String name = into == null ? "" : html.substring(nameStart, at).toLowerCase(Locale.ROOT);
            while (at < length && isSpace(html.charAt(at))) {
                at++;
            }
            String value = "";
            if (at < length && html.charAt(at) == '=') {
                at++;
                while (at < length && isSpace(html.charAt(at))) {
                    at++;
                }
                if (at >= length) {
                    return false;
                }
                char quote = html.charAt(at);
                if (quote == '"' || quote == '\'') {
                    int end = html.indexOf(quote, at + 1);
                    if (end < 0) {
                        return false;
                    }
                    value = into == null ? "" : html.substring(at + 1, end);
                    at = end + 1;
                } else if (quote != '>') {
                    int start = at;
                    while (at < length && !isSpace(html.charAt(at)) && html.charAt(at) != '>') {
                        at++;
                    }
                    value = into == null ? "" : html.substring(start, at);
                }
            }
            if (into != null) {
                into.add(new String[] {name, value});
            }
        }
    }

    /** The script's text up to its end tag, moving past that; {@code null} when it has none or is escaped. */
    private @Nullable String scriptData() {
        int end = endTag("script", at);
        if (end < 0) {
            return null;
        }
        String data = html.substring(at, end);
        if (data.contains("<!--")) {
            return null; // escaped script data: where it ends depends on more than the next end tag
        }
        at = end + 2;
        skipTagName();
        return attributes(null) ? data : null;
    }

    /** Past the end tag of a text-only element, or to the end of the document. */
    private void skipToEndTag(String name) {
        int end = endTag(name, at);
        if (end < 0) {
            at = html.length();
            return;
        }
        at = end + 2;
        skipTagName();
        if (!attributes(null)) {
            at = html.length();
        }
    }

    /** Where the next {@code </name} followed by whitespace, {@code /} or {@code >} starts (any case), or -1. */
    private int endTag(String name, int from) {
        for (int end = html.indexOf("</", from); end >= 0; end = html.indexOf("</", end + 2)) {
            int after = end + 2 + name.length();
            if (html.regionMatches(true, end + 2, name, 0, name.length()) && after < html.length()
                    && (isSpace(html.charAt(after)) || html.charAt(after) == '/' || html.charAt(after) == '>')) {
                return end;
            }
        }
        return -1;
    }

    private static @Nullable String firstValue(List<String[]> attributes, String name) {
        for (String[] attribute : attributes) {
            if (attribute[0].equals(name)) {
                return attribute[1];
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
