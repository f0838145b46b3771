package io.mailsift.connector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read access to schema.org JSON-LD objects held as nested maps and lists, tolerant of the shapes real senders use:
 * a property may hold one value or a list (the first counts), types may be written {@code "FlightReservation"},
 * {@code "http://schema.org/FlightReservation"} or {@code "schema:FlightReservation"}, a text may be written as a
 * number or as a JSON-LD value object ({@code {"@value": "RXJ34P"}}), a thing may be written as its bare name
 * ({@code "seller": "ACME"}).
 *
 * <p>All methods are static, side-effect free and thread-safe; none of them modifies its argument.
 */
public final class JsonLd {

    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

    /** JSON text longer than this is not read by {@link #parse}: it comes from a stranger's mail. */
    private static final int MAX_JSON_LENGTH = 200_000;
    private static final ObjectReader STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .readerFor(Object.class);

    private JsonLd() {
    }

    /**
     * Reads JSON text a connector finds in a mail outside the HTML markup the parser reads for it (a calendar
     * property holding JSON-LD, say) into the same model as {@link Email#structuredData()}: maps in the text's order,
     * lists, strings, numbers and booleans, nulls dropped, unmodifiable. Empty when the text is not strict JSON
     * (trailing text included), is longer than 200,000 characters or nests deeper than 32 levels.
     */
    public static Optional<Object> parse(String text) {
        if (text.length() > MAX_JSON_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(immutableCopy(STRICT_JSON.readValue(text)));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
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

    /**
     * Follows a property path to a text value, stripped; empty when absent or blank. Numbers and booleans are
     * rendered, a JSON-LD value object ({@code {"@value": ...}}) gives its value.
     */
    public static Optional<String> text(Map<String, ?> object, String... path) {
        return get(object, path).flatMap(JsonLd::textOf);
    }

    /**
     * Follows a property path to a nested object. At each step a list yields its first object, so a stray text
     * before the object (as in {@code "seller": ["ACME", {"@type": "Organization", ...}]}) does not hide it.
     */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, ?> object, String... path) {
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
     * The name of the thing a property refers to: its {@code name} when it is an object, the text itself when the
     * sender wrote the name directly (as in {@code "merchant": "ACME"}). Empty when absent or blank.
     */
    public static Optional<String> nameOf(Map<String, ?> object, String property) {
        Object value = firstObject(object.get(property));
        if (value instanceof Map<?, ?> map) {
            return textOf(first(map.get("name")));
        }
        return textOf(value);
    }

    /**
     * Follows a property path to a date or date-time and gives its calendar date as the sender wrote it: the
     * leading {@code YYYY-MM-DD}, else whatever precedes a {@code T} or a space. The local date is kept, not
     * converted to UTC, so the same departure gives the same date whatever offset notation a sender uses.
     */
    public static Optional<String> date(Map<String, ?> object, String... path) {
        return text(object, path).map(value -> {
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

    /**
     * A cleaned, mutable deep copy of markup, the usual start of a finding's data: strings stripped, {@code @type}
     * names without vocabulary prefix (as {@link #localName(String)}), nulls dropped; key order is kept.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cleanCopy(Map<String, ?> object) {
        return (Map<String, Object>) clean(object);
    }

    /**
     * A deep, unmodifiable copy of a JSON-LD value tree. Maps with an order of their own (a {@link SequencedMap}: parsed
     * JSON, a {@link LinkedHashMap}) keep it; the others ({@code Map.of}, a {@code HashMap}), whose order changes from
     * one run to the next, are copied with their keys sorted, {@code @}-keywords first, so that the same finding is
     * always written the same way.
     */
    @SuppressWarnings("unchecked")
    public static <T> T immutableCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            inOrder(map).forEach((k, v) -> {
                if (v != null) {
                    copy.put(String.valueOf(k), immutableCopy(v));
                }
            });
            return (T) Collections.unmodifiableSequencedMap(copy);
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

    private static Optional<String> textOf(@Nullable Object value) {
        Object single = value;
        if (single instanceof Map<?, ?> map && map.containsKey("@value")) {
            single = first(map.get("@value"));
        }
        if (single instanceof String || single instanceof Number || single instanceof Boolean) {
            String text = single.toString().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    private static @Nullable Object first(@Nullable Object value) {
        List<Object> values = values(value);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** The first object of a list, else its first value. */
    private static @Nullable Object firstObject(@Nullable Object value) {
        List<Object> values = values(value);
        for (Object each : values) {
            if (each instanceof Map<?, ?>) {
                return each;
            }
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    /** The map itself when it has an order of its own, else its entries by key: {@code @}-keywords, then the rest. */
    private static Map<?, ?> inOrder(Map<?, ?> map) {
        if (map instanceof SequencedMap<?, ?> || map.size() < 2) {
            return map;
        }
        Map<Object, Object> sorted = new TreeMap<>(Comparator.comparing((Object key) -> !String.valueOf(key)
                .startsWith("@")).thenComparing(String::valueOf));
        sorted.putAll(map);
        return sorted;
    }

    private static @Nullable Object clean(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            inOrder(map).forEach((key, each) -> {
                String name = String.valueOf(key);
                Object cleaned = name.equals("@type") ? cleanType(each) : clean(each);
                if (cleaned != null) {
                    copy.put(name, cleaned);
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return cleanEach(list, JsonLd::clean);
        }
        if (value instanceof String text) {
            return text.strip();
        }
        return value;
    }

    private static @Nullable Object cleanType(@Nullable Object type) {
        if (type instanceof String name) {
            return localName(name.strip());
        }
        if (type instanceof List<?> names) {
            return cleanEach(names, JsonLd::cleanType);
        }
        return clean(type);
    }

    private static List<Object> cleanEach(List<?> list, UnaryOperator<@Nullable Object> cleaner) {
        List<Object> copy = new ArrayList<>(list.size());
        for (Object each : list) {
            Object cleaned = cleaner.apply(each);
            if (cleaned != null) {
                copy.add(cleaned);
            }
        }
        return copy;
    }
}
