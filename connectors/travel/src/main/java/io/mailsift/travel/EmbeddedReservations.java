package io.mailsift.travel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mailsift.connector.JsonLd;

/**
 * The schema.org reservations a calendar event carries as JSON-LD in one of its own ({@code X-}) properties, as
 * calendar apps that read confirmation mails write them next to the readable summary (KDE Itinerary's
 * {@code X-KDE-KITINERARY-RESERVATION}, any {@code X-...} holding a JSON reservation): the sender's data, surer than
 * what the summary's words say, as markup in an HTML body is.
 *
 * <p>Date-times written as Qt's {@code {"@type": "QDateTime", "@value": ..., "timezone": ...}} become their ISO value.
 */
final class EmbeddedReservations {

    private EmbeddedReservations() {
    }

    /** The reservations in one property's value (iCalendar escapes resolved), or none when it holds no JSON-LD. */
    static List<Map<String, Object>> in(String rawValue) {
        String value = rawValue.strip();
        if (value.isEmpty() || value.charAt(0) != '[' && value.charAt(0) != '{' || !value.contains("@type")) {
            return List.of();
        }
        // TEXT escapes of iCalendar that JSON does not use; "\n" and "\\" mean the same in both
        String json = value.replace("\\,", ",").replace("\\;", ";");
        List<Map<String, Object>> found = new ArrayList<>();
        JsonLd.parse(json).ifPresent(parsed -> {
            for (Object each : JsonLd.values(flattened(parsed, 0))) {
                if (each instanceof Map<?, ?> map && isReservation(map)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> reservation = (Map<String, Object>) map;
                    found.add(reservation);
                }
            }
        });
        return found;
    }

    private static boolean isReservation(Map<?, ?> object) {
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) object;
        return JsonLd.types(typed).stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).endsWith("reservation"))
                && object.get("reservationFor") instanceof Map<?, ?>;
    }

    private static Object flattened(Object value, int depth) {
        if (depth > 32) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(each -> out.add(flattened(each, depth + 1)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            if ("QDateTime".equals(map.get("@type")) && map.get("@value") instanceof String instant) {
                return instant;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, each) -> out.put(String.valueOf(key), flattened(each, depth + 1)));
            return out;
        }
        return value;
    }
}
