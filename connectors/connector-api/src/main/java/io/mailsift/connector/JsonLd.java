package io.mailsift.connector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Read access to schema.org JSON-LD objects held as nested maps and lists, tolerant of the shapes real senders use:
 * a property may hold one value or a list, types may be written {@code "FlightReservation"},
 * {@code "http://schema.org/FlightReservation"} or {@code "schema:FlightReservation"}.
 */
public final class JsonLd {

    private JsonLd() {
    }

    /** The object's schema.org type names without any vocabulary prefix; empty when it has none. */
    public static List<String> types(Map<String, ?> object) {
        Object type = object.get("@type");
        List<String> names = new ArrayList<>();
        for (Object each : values(type)) {
            if (each instanceof String s && !s.isBlank()) {
                names.add(localName(s.strip()));
            }
        }
        return names;
    }

    /** Whether the object is of the given schema.org type (exactly, no subtype reasoning). */
    public static boolean isA(Map<String, ?> object, String type) {
        return types(object).contains(type);
    }

    /** Strips {@code http(s)://schema.org/} and {@code schema:} prefixes. */
    public static String localName(String iri) {
        String name = iri;
        for (String prefix : List.of("https://schema.org/", "http://schema.org/", "schema:")) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                name = name.substring(prefix.length());
                break;
            }
        }
        return name;
    }

    /** A property's value as a list: empty when absent, the elements when it is a list, else a one-element list. */
    public static List<Object> values(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object each : list) {
                if (each != null) {
                    result.add(each);
                }
            }
            return result;
        }
        return List.of(value);
    }

    /** Follows a property path; at each step a list yields its first element. */
    public static Optional<Object> get(Map<String, ?> object, String... path) {
        Object current = object;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            List<Object> found = values(map.get(step));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            current = found.getFirst();
        }
        return Optional.ofNullable(current);
    }

    /** Follows a property path to a text value (numbers are rendered), stripped; empty when absent or blank. */
    public static Optional<String> text(Map<String, ?> object, String... path) {
        return get(object, path)
                .filter(v -> v instanceof String || v instanceof Number || v instanceof Boolean)
                .map(v -> v.toString().strip())
                .filter(s -> !s.isEmpty());
    }

    /** Follows a property path to a nested object. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, ?> object, String... path) {
        return get(object, path).filter(Map.class::isInstance).map(v -> (Map<String, Object>) v);
    }

    /** A deep, unmodifiable copy of a JSON-LD value tree (maps keep their order). */
    @SuppressWarnings("unchecked")
    public static <T> T immutableCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put(String.valueOf(k), immutableCopy(v));
                }
            });
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object each : list) {
                if (each != null) {
                    copy.add(immutableCopy(each));
                }
            }
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
