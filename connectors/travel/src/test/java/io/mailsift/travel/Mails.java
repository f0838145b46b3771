package io.mailsift.travel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import tools.jackson.databind.json.JsonMapper;

/** Builds parsed emails around schema.org markup, as the platform's parser would hand them over. */
final class Mails {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Mails() {
    }

    /** A mail whose HTML carried these schema.org items (a JSON object or an array of them). */
    static Email withMarkup(String json) {
        return withItems(items(json));
    }

    static Email withItems(List<Map<String, Object>> items) {
        EmailHeaders headers = new EmailHeaders("test@mailsift.io", "Your booking", "noreply@example.com",
                "Example", List.of("traveller@example.org"), null, Map.of());
        return new Email(headers, null, "<html></html>", List.of(), List.of(), items, List.of());
    }

    /** A mail without markup of its own that forwards the given one. */
    static Email forwarding(Email inner) {
        return new Email(inner.headers(), "see below", null, List.of(), List.of(), List.of(), List.of(inner));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(String json) {
        Object parsed = JSON.readValue(json, Object.class);
        if (parsed instanceof Map<?, ?> map) {
            return List.of((Map<String, Object>) map);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object each : (List<Object>) parsed) {
            items.add((Map<String, Object>) each);
        }
        return items;
    }

    static String resource(String path) {
        try (InputStream in = Mails.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
