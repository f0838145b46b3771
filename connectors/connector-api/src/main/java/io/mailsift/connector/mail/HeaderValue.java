package io.mailsift.connector.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A structured header such as {@code Content-Type} or {@code Content-Disposition}: its main value and parameters.
 * Parsed by hand because Jakarta Mail's parameter parsing is strict unless configured through JVM-wide system
 * properties; here unquoted specials, RFC 2231 continuations and RFC 2047 words in file names are all accepted.
 *
 * @param value      the main value in lower case (e.g. {@code text/html}, {@code attachment}), empty when absent
 * @param parameters parameter values by lower-case name, decoded
 */
record HeaderValue(String value, Map<String, String> parameters) {

    static HeaderValue parse(@Nullable String header) {
        if (header == null) {
            return new HeaderValue("", Map.of());
        }
        String text = EncodedWords.unfold(header).strip();
        int semicolon = indexOfUnquoted(text, ';', 0);
        String value = (semicolon < 0 ? text : text.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> simple = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> continued = new LinkedHashMap<>();
        Map<String, Boolean> extended = new LinkedHashMap<>();
        int position = semicolon;
        while (position >= 0 && position < text.length()) {
            int next = indexOfUnquoted(text, ';', position + 1);
            String parameter = text.substring(position + 1, next < 0 ? text.length() : next).strip();
            position = next;
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String raw = unquote(parameter.substring(equals + 1).strip());
            boolean isExtended = name.endsWith("*");
            if (isExtended) {
                name = name.substring(0, name.length() - 1);
            }
            int star = name.indexOf('*');
            if (star > 0 && isDigits(name.substring(star + 1))) {
                String base = name.substring(0, star);
                continued.computeIfAbsent(base, k -> new TreeMap<>())
                        .put(Integer.parseInt(name.substring(star + 1)), raw);
                extended.merge(base, isExtended, Boolean::logicalOr);
            } else if (isExtended) {
                simple.put(name, decode2231(raw));
            } else {
                simple.putIfAbsent(name, raw);
            }
        }
        continued.forEach((name, parts) -> {
            String joined = String.join("", parts.values());
            simple.putIfAbsent(name, extended.get(name) ? decode2231(joined) : joined);
        });
        Map<String, String> decoded = new LinkedHashMap<>();
        simple.forEach((name, raw) -> decoded.put(name, EncodedWords.decode(raw)));
        return new HeaderValue(value, Map.copyOf(decoded));
    }

    @Nullable String parameter(String name) {
        return parameters.get(name);
    }

    /** RFC 2231 {@code charset'language'percent-encoded}; a value without the prefix is only percent-decoded. */
    private static String decode2231(String raw) {
        String charset = null;
        String encoded = raw;
        int first = raw.indexOf('\'');
        int second = first < 0 ? -1 : raw.indexOf('\'', first + 1);
        if (second > 0) {
            charset = raw.substring(0, first);
            encoded = raw.substring(second + 1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()
                    && Character.digit(encoded.charAt(i + 1), 16) >= 0
                    && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return BodyCharset.decode(bytes.toByteArray(), charset);
    }

    /** A backslash and the char it quotes (compiled once: every quoted parameter of every part goes through it). */
    private static final Pattern QUOTED_PAIR = Pattern.compile("\\\\(.)");

    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            String inner = value.substring(1, value.length() - 1);
            return inner.indexOf('\\') < 0 ? inner : QUOTED_PAIR.matcher(inner).replaceAll("$1");
        }
        if (value.startsWith("\"")) {
            return value.substring(1);
        }
        return value;
    }

    private static int indexOfUnquoted(String text, char wanted, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
