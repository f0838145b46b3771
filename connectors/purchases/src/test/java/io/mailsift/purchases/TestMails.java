package io.mailsift.purchases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.testkit.EmlFixtures;
import tools.jackson.databind.json.JsonMapper;

/** Emails for tests: built around given markup, or parsed from the .eml files under {@code src/test/resources}. */
final class TestMails {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TestMails() {
    }

    /** A mail whose HTML carried these schema.org items (a JSON object or an array of them). */
    static Email withMarkup(String json) {
        return withItems(items(json));
    }

    static Email withItems(List<Map<String, Object>> items) {
        return new Email(headers(), null, "<html></html>", List.of(), List.of(), items, List.of());
    }

    /** A mail without markup of its own that forwards the given one. */
    static Email forwarding(Email inner) {
        return new Email(inner.headers(), "see below", null, List.of(), List.of(), List.of(), List.of(inner));
    }

    /** A test mail under {@code src/test/resources/mails}, parsed by the platform's parser. */
    static Email resource(String name) {
        return EmlFixtures.resource("mails/" + name);
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

    private static EmailHeaders headers() {
        return new EmailHeaders("test@mailsift.io", "Your order", "shop@example.com", "Shop",
                List.of("buyer@example.org"), null, Map.of());
    }
}
