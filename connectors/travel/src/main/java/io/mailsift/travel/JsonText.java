package io.mailsift.travel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small, strict JSON reader for the schema.org JSON-LD that calendars carry in their own properties: objects become
 * {@link LinkedHashMap}s (the writer's order), arrays {@link ArrayList}s, numbers {@link Long} or {@link Double}.
 *
 * <p>Written here because connectors may depend on the JDK and the SPI only ({@code ModuleBoundariesTest}); what the
 * SPI parses for us is the markup of HTML bodies, not calendar properties. Depth and size are bounded: the text comes
 * from a stranger's mail.
 */
final class JsonText {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_LENGTH = 200_000;
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final String text;
    private int at;

    private JsonText(String text) {
        this.text = text;
    }

    /** The value the whole text holds, or empty when it is not JSON (or too long or too deep to be worth reading). */
    static Optional<Object> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        JsonText reader = new JsonText(text);
        try {
            Object value = reader.value(0);
            reader.skipSpace();
            return reader.at == text.length() ? Optional.ofNullable(value) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("too deep");
        }
        skipSpace();
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (text.charAt(at) == '}') {
            at++;
            return object;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            Object value = value(depth + 1);
            if (value != null) {
                object.put(key, value);
            }
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> array = new ArrayList<>();
        at++;
        skipSpace();
        if (text.charAt(at) == ']') {
            at++;
            return array;
        }
        while (true) {
            Object value = value(depth + 1);
            if (value != null) {
                array.add(value);
            }
            skipSpace();
            if (text.charAt(at) == ',') {
                at++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
    }

    private Object number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (number.isEmpty()) {
            throw new IllegalArgumentException("not a value at " + start);
        }
        return INTEGER.matcher(number).matches() ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw new IllegalArgumentException("not a value at " + at);
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + at);
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
