package io.mailsift.connector.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code application/ld+json} scripts of an HTML body. Mail senders' JSON is often broken (trailing commas,
 * comments, missing commas between objects, HTML-escaped quotes, cut off); it is read leniently, then repaired, and a
 * script that still cannot be read is skipped alone.
 */
final class JsonLdScripts {

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_MISSING_VALUES, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .build()
            .readerFor(Object.class);

    private static final Pattern JAVASCRIPT_UNDEFINED = Pattern.compile("([:\\[,]\\s*)undefined(?=\\s*[,}\\]])");
    private static final Pattern MISSING_COMMA_BETWEEN_OBJECTS = Pattern.compile("([}\\]])(\\s*)([{\\[])");
    private static final Pattern MISSING_COMMA_BETWEEN_LINES = Pattern.compile(
            "(\"|\\d|true|false|null|[}\\]])([ \\t]*\\r?\\n\\s*)(\")");

    /** Repairs tried in order, each on top of the previous ones, when the script does not read as it is. */
    private static final List<UnaryOperator<String>> REPAIRS = List.of(
            json -> json.contains("&quot;") || json.contains("&#34;") ? Parser.unescapeEntities(json, false) : json,
            json -> JAVASCRIPT_UNDEFINED.matcher(json).replaceAll("$1null"),
            json -> MISSING_COMMA_BETWEEN_OBJECTS.matcher(json).replaceAll("$1,$2$3"),
            json -> MISSING_COMMA_BETWEEN_LINES.matcher(json).replaceAll("$1,$2$3"),
            JsonLdScripts::closeOpenBrackets);

    private JsonLdScripts() {
    }

    /** Every value of every readable script of these, in order (objects, arrays, graphs as written). */
    static List<Object> read(List<String> scripts) {
        List<Object> values = new ArrayList<>();
        for (String script : scripts) {
            values.addAll(readScript(script));
        }
        return values;
    }

    /** The text of every JSON-LD script of a parsed document, in document order. */
    static List<String> scripts(Document document) {
        List<String> scripts = new ArrayList<>();
        for (Element script : document.select("script[type]")) {
            String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/ld+json")) {
                scripts.add(script.data());
            }
        }
        return scripts;
    }

    /** Whether the HTML has a {@code <script} tag anywhere (any case): without one it holds no JSON-LD. */
    static boolean mayHoldScripts(String html) {
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
            if (html.regionMatches(true, at + 1, "script", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    static List<Object> readScript(String script) {
        String json = unwrap(script);
        if (json.isEmpty()) {
            return List.of();
        }
        List<Object> best = List.of();
        String candidate = json;
        for (int attempt = 0; attempt <= REPAIRS.size(); attempt++) {
            if (attempt > 0) {
                candidate = REPAIRS.get(attempt - 1).apply(candidate);
            }
            Attempt result = readAll(candidate);
            if (result.complete() && !result.values().isEmpty()) {
                return result.values();
            }
            if (result.values().size() > best.size()) {
                best = result.values();
            }
        }
        return best;
    }

    private record Attempt(List<Object> values, boolean complete) {
    }

    private static Attempt readAll(String json) {
        List<Object> values = new ArrayList<>();
        try (MappingIterator<Object> iterator = READER.readValues(json)) {
            while (iterator.hasNextValue()) {
                Object value = iterator.nextValue();
                if (value != null) {
                    values.add(value);
                }
            }
            return new Attempt(values, true);
        } catch (JacksonException | IllegalStateException broken) {
            // what was read before the error is kept (trailing garbage after a complete object is common)
            return new Attempt(values, false);
        }
    }

    // Compiled once, not by String.replaceFirst for every script; each is tried only on a script holding its
    // literal part, without which it cannot match (and replaceFirst would give the same text back).
    private static final Pattern COMMENT_OPEN = Pattern.compile("^(//\\s*)?<!--");
    private static final Pattern COMMENT_CLOSE = Pattern.compile("(//\\s*)?-->\\s*$");
    private static final Pattern CDATA_OPEN = Pattern.compile("^(//\\s*|/\\*\\s*)?<!\\[CDATA\\[(\\s*\\*/)?");
    private static final Pattern CDATA_CLOSE = Pattern.compile("(//\\s*|/\\*\\s*)?]]>(\\s*\\*/)?\\s*$");

    /** Strips HTML comment and CDATA wrappers and anything before the first bracket. */
    static String unwrap(String script) {
        String text = script.strip();
        text = removeFirst(removeFirst(text, "<!--", COMMENT_OPEN), "-->", COMMENT_CLOSE).strip();
        text = removeFirst(removeFirst(text, "<![CDATA[", CDATA_OPEN), "]]>", CDATA_CLOSE).strip();
        int start = firstBracket(text);
        if (start < 0) {
            return "";
        }
        text = text.substring(start).strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static String removeFirst(String text, String literal, Pattern pattern) {
        return text.contains(literal) ? pattern.matcher(text).replaceFirst("") : text;
    }

    private static int firstBracket(String text) {
        int brace = text.indexOf('{');
        int bracket = text.indexOf('[');
        if (brace < 0) {
            return bracket;
        }
        return bracket < 0 ? brace : Math.min(brace, bracket);
    }

    /** Appends the closing brackets of a script cut off before its end. */
    static String closeOpenBrackets(String json) {
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{') {
                open.push('}');
            } else if (c == '[') {
                open.push(']');
            } else if ((c == '}' || c == ']') && !open.isEmpty()) {
                open.pop();
            }
        }
        StringBuilder closed = new StringBuilder(json);
        if (inString) {
            closed.append(quote);
        }
        while (!open.isEmpty()) {
            closed.append(open.pop());
        }
        return closed.toString();
    }
}
