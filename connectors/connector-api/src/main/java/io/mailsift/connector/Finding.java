package io.mailsift.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a connector found in an email: a schema.org JSON-LD object and a deterministic key.
 *
 * <p>The key identifies the real-world thing (a booking leg, an order), not the email: a re-sent confirmation or a
 * schedule change for the same booking yields the same key, so the platform updates the stored finding instead of
 * adding a second one. Build keys with {@link FindingKey#of(String...)}.
 *
 * @param type the schema.org type, equal to {@code data["@type"]} (e.g. {@code FlightReservation})
 * @param key  the deterministic key, unique per connector and mailbox
 * @param data the JSON-LD object: nested maps, lists, strings, numbers and booleans; always carries
 *             {@code "@context": "https://schema.org"} and {@code "@type"}; copied deeply and unmodifiable, with
 *             each map's order kept where it has one ({@code LinkedHashMap}, parsed JSON) and its keys sorted,
 *             {@code @}-keywords first, where it has none ({@code Map.of}, {@code HashMap}), so that the same
 *             finding is always written the same way
 */
public record Finding(String type, String key, Map<String, Object> data) {

    public static final String SCHEMA_ORG = "https://schema.org";

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("finding key must not be blank");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("@context", SCHEMA_ORG);
        copy.put("@type", type);
        data.forEach((k, v) -> {
            if (!k.equals("@context") && !k.equals("@type")) {
                copy.put(k, v);
            }
        });
        data = JsonLd.immutableCopy(copy);
    }
}
