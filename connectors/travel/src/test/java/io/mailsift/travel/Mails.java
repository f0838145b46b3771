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
import io.mailsift.connector.testkit.EmlFixtures;
import tools.jackson.databind.json.JsonMapper;

/** Builds parsed emails around schema.org markup, as the platform's parser would hand them over. */
final class Mails {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DEFAULT_SENDER = "From: Some Sender <noreply@example.com>";

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

    /** A test resource parsed by the platform's parser: a whole message ({@code .eml}), or an HTML body. */
    static Email parsed(String path) {
        return parsedBytes(path.endsWith(".eml") ? bytes(path) : htmlMessage(path));
    }

    /** A raw message parsed by the platform's parser. */
    static Email parsedBytes(byte[] raw) {
        return EmlFixtures.parse(raw);
    }

    /** An HTML document sent as a mail, from the sender in the {@code context.eml} next to it if there is one. */
    private static byte[] htmlMessage(String path) {
        String folder = path.substring(0, path.lastIndexOf('/') + 1);
        String from = Mails.class.getResource("/" + folder + "context.eml") == null
                ? DEFAULT_SENDER : resource(folder + "context.eml").strip().lines().findFirst().orElse(DEFAULT_SENDER);
        String head = from + "\r\nTo: traveller@example.org\r\nSubject: Your booking\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = bytes(path);
        byte[] raw = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, raw, 0, headBytes.length);
        System.arraycopy(body, 0, raw, headBytes.length, body.length);
        return raw;
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
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String path) {
        try (InputStream in = Mails.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
