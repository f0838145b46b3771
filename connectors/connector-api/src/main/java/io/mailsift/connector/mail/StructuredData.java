package io.mailsift.connector.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;

/**
 * The schema.org objects of one HTML body: JSON-LD first, then microdata, as plain maps and lists with
 * {@code @type} reduced to schema.org local names and {@code @context} present at the top.
 */
final class StructuredData {

    private StructuredData() {
    }

    /** The objects of an HTML body whose JSON-LD scripts are {@code scripts}, in document order. */
    static List<Map<String, Object>> of(String html, List<String> scripts) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object value : JsonLdScripts.read(scripts)) {
            addTopLevel(value, null, objects);
        }
        for (Map<String, Object> item : MicrodataItems.read(html)) {
            addTopLevel(item, null, objects);
        }
        return objects;
    }

    /** Flattens arrays and {@code @graph} containers into their objects. */
    private static void addTopLevel(Object value, Object inheritedContext, List<Map<String, Object>> objects) {
        if (value instanceof List<?> list) {
            for (Object each : list) {
                addTopLevel(each, inheritedContext, objects);
            }
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return;
        }
        Object context = map.get("@context") != null ? map.get("@context") : inheritedContext;
        if (map.get("@graph") != null) {
            addTopLevel(map.get("@graph"), context, objects);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) normalized(map);
        body.remove("@context");
        if (!body.containsKey("@type")) {
            return;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@context", context != null ? context : Finding.SCHEMA_ORG);
        object.putAll(body);
        objects.add(object);
    }

    /** Plain Java values with every {@code @type} as a schema.org local name; {@code null}s dropped. */
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, each) -> {
                if (each == null) {
                    return;
                }
                if ("@type".equals(key)) {
                    copy.put("@type", type(each));
                } else {
                    copy.put(String.valueOf(key), normalized(each));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object each : list) {
                if (each != null) {
                    copy.add(normalized(each));
                }
            }
            return copy;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return String.valueOf(value);
    }

    private static Object type(Object type) {
        if (type instanceof String name) {
            return JsonLd.localName(name.strip());
        }
        if (type instanceof List<?> names) {
            List<Object> local = new ArrayList<>();
            for (Object name : names) {
                if (name instanceof String text) {
                    local.add(JsonLd.localName(text.strip()));
                }
            }
            return local.size() == 1 ? local.getFirst() : local;
        }
        return String.valueOf(type);
    }
}
