package io.mailsift.purchases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Emails for tests: built around given markup, or read from the .eml files under {@code src/test/resources}. */
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

    /**
     * A test mail under {@code src/test/resources/mails}. Its HTML's JSON-LD and microdata are read here with Jsoup
     * until the platform's {@code EmailParser} is available to connector tests.
     */
    static Email resource(String name) {
        String raw = text("mails/" + name);
        int bodyStart = raw.indexOf("\n\n");
        Document html = Jsoup.parse(bodyStart < 0 ? raw : raw.substring(bodyStart));
        List<Map<String, Object>> items = new ArrayList<>();
        items.addAll(jsonLd(html));
        items.addAll(microdata(html));
        return withItems(items);
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

    private static List<Map<String, Object>> jsonLd(Document html) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Element script : html.select("script[type=application/ld+json]")) {
            try {
                items.addAll(items(script.data()));
            } catch (JacksonException e) {
                // broken JSON: the real parser may repair some of it; this stand-in just skips it
            }
        }
        return items;
    }

    private static List<Map<String, Object>> microdata(Document html) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Element scope : html.select("[itemscope]:not([itemprop])")) {
            items.add(item(scope));
        }
        return items;
    }

    private static Map<String, Object> item(Element scope) {
        Map<String, Object> item = new LinkedHashMap<>();
        String type = scope.attr("itemtype").strip();
        if (!type.isEmpty()) {
            item.put("@type", type.split("\\s+")[0]);
        }
        collectProperties(scope, item);
        return item;
    }

    @SuppressWarnings("unchecked")
    private static void collectProperties(Element parent, Map<String, Object> item) {
        for (Element child : parent.children()) {
            if (child.hasAttr("itemprop")) {
                Object value = child.hasAttr("itemscope") ? item(child) : value(child);
                for (String name : child.attr("itemprop").strip().split("\\s+")) {
                    item.merge(name, value, (old, added) -> {
                        List<Object> all = old instanceof List<?> list ? (List<Object>) list : new ArrayList<>(
                                List.of(old));
                        all.add(added);
                        return all;
                    });
                }
            }
            if (!child.hasAttr("itemscope")) {
                collectProperties(child, item);
            }
        }
    }

    private static String value(Element element) {
        return switch (element.normalName()) {
            case "meta" -> element.attr("content");
            case "link", "a", "area" -> element.attr("href");
            case "img", "audio", "video", "source", "iframe", "embed" -> element.attr("src");
            case "time" -> element.hasAttr("datetime") ? element.attr("datetime") : element.text();
            case "data", "meter" -> element.attr("value");
            default -> element.text();
        };
    }

    private static EmailHeaders headers() {
        return new EmailHeaders("test@mailsift.io", "Your order", "shop@example.com", "Shop",
                List.of("buyer@example.org"), null, Map.of());
    }

    private static String text(String path) {
        try (InputStream in = TestMails.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
