package io.mailsift.travel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mailsift.connector.JsonLd;

/**
 * Reads single values out of schema.org markup the way senders really write it: a list where one value is expected
 * (the first counts), a number where text is expected, a JSON-LD value object ({@code {"@value": ...}}), an object
 * where a name is expected.
 */
final class MarkupValues {

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    private MarkupValues() {
    }

    /** The text at a property path; each step takes the first of a list. Empty when absent or blank. */
    static Optional<String> text(Map<String, ?> object, String... path) {
        Object current = object;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = first(map.get(step));
        }
        return text(current);
    }

    /** The object at a property path; each step takes the first of a list. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> object(Map<String, ?> object, String... path) {
        Object current = object;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = firstObject(map.get(step));
        }
        return current instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    /**
     * The name of the thing a property refers to: its {@code name} when it is an object, the text itself when a
     * sender wrote the name directly (as in {@code "merchant": "ACME"}).
     */
    static Optional<String> nameOf(Map<String, ?> object, String property) {
        Object value = firstObject(object.get(property));
        if (value instanceof Map<?, ?> map) {
            return text(map.get("name"));
        }
        return text(value);
    }

    /**
     * The calendar date of a date-time as the sender wrote it (the local date, not converted to UTC, so the same
     * departure gives the same date whatever the offset notation): the leading {@code YYYY-MM-DD}, else whatever
     * precedes a {@code T} or a space.
     */
    static Optional<String> datePart(Optional<String> dateTime) {
        return dateTime.map(value -> {
            if (ISO_DATE.matcher(value).find()) {
                return value.substring(0, 10);
            }
            int end = value.length();
            for (char separator : new char[] {'T', ' '}) {
                int at = value.indexOf(separator);
                if (at > 0 && at < end) {
                    end = at;
                }
            }
            return value.substring(0, end);
        });
    }

    private static Optional<String> text(Object value) {
        Object single = first(value);
        if (single instanceof Map<?, ?> map && map.containsKey("@value")) {
            single = first(map.get("@value"));
        }
        if (single instanceof String || single instanceof Number || single instanceof Boolean) {
            String text = single.toString().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    private static Object first(Object value) {
        List<Object> values = JsonLd.values(value);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** The first object of a list (a sender may put a stray text before it), else the first value. */
    private static Object firstObject(Object value) {
        List<Object> values = JsonLd.values(value);
        for (Object each : values) {
            if (each instanceof Map<?, ?>) {
                return each;
            }
        }
        return values.isEmpty() ? null : values.getFirst();
    }
}
