package io.mailsift.purchases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.JsonLd;

/** A cleaned deep copy of markup: strings trimmed, type names without vocabulary prefixes, nulls dropped. */
final class MarkupCopy {

    private MarkupCopy() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, ?> object) {
        return (Map<String, Object>) clean(object);
    }

    private static Object clean(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, each) -> {
                String name = String.valueOf(key);
                Object cleaned = name.equals("@type") ? cleanType(each) : clean(each);
                if (cleaned != null) {
                    copy.put(name, cleaned);
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object each : list) {
                Object cleaned = clean(each);
                if (cleaned != null) {
                    copy.add(cleaned);
                }
            }
            return copy;
        }
        if (value instanceof String text) {
            return text.strip();
        }
        return value;
    }

    private static Object cleanType(Object type) {
        if (type instanceof String name) {
            return JsonLd.localName(name.strip());
        }
        if (type instanceof List<?> names) {
            List<Object> copy = new ArrayList<>(names.size());
            for (Object each : names) {
                Object cleaned = cleanType(each);
                if (cleaned != null) {
                    copy.add(cleaned);
                }
            }
            return copy;
        }
        return clean(type);
    }
}
