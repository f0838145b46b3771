package io.mailsift.connector.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Builds raw RFC 5322 messages around test inputs, and reads the KItinerary corpus. */
final class TestMessages {

    static final String HEADERS = """
            From: Some Airline <noreply@example.com>
            To: traveller@example.org
            Subject: Your booking
            Date: Tue, 14 Sep 2021 17:00:00 +0200
            Message-ID: <booking-1@example.com>
            MIME-Version: 1.0
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestMessages() {
    }

    static Path corpus(String relative) {
        try {
            return Paths.get(TestMessages.class.getResource("/kitinerary/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static List<Map<String, Object>> expectedJson(Path path) {
        return JSON.readValue(bytes(path), new TypeReference<List<Map<String, Object>>>() { });
    }

    /** The sender headers of a KItinerary folder's context.eml, or the default headers. */
    static String headersOf(Path folder) {
        Path context = folder.resolve("context.eml");
        String from = Files.exists(context) ? text(context).strip() : "";
        if (from.isEmpty()) {
            return HEADERS;
        }
        StringBuilder headers = new StringBuilder(from).append('\n');
        for (String line : HEADERS.split("\n")) {
            String name = line.substring(0, line.indexOf(':') + 1);
            if (!from.toLowerCase().contains(name.toLowerCase() + " ") && !line.isBlank()) {
                headers.append(line).append('\n');
            }
        }
        return headers.toString();
    }

    /** A message with one body part. */
    static byte[] single(String headers, String contentType, String transferEncoding, byte[] body) {
        String head = headers + "Content-Type: " + contentType + "\nContent-Transfer-Encoding: " + transferEncoding
                + "\n\n";
        return crlf(concat(head.getBytes(StandardCharsets.US_ASCII), encode(body, transferEncoding)));
    }

    /** {@code multipart/alternative} with a text and an HTML part, both UTF-8, base64. */
    static byte[] alternative(String headers, String text, String html) {
        String raw = headers + "Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
                + "--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + base64(text.getBytes(StandardCharsets.UTF_8)) + "\n"
                + "--alt\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + base64(html.getBytes(StandardCharsets.UTF_8)) + "\n"
                + "--alt--\n";
        return crlf(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code multipart/related} holding an HTML body (quoted-printable) and an inline image. */
    static byte[] related(String headers, String html) {
        String raw = headers + "Content-Type: multipart/related; boundary=\"rel\"; type=\"text/html\"\n\n"
                + "--rel\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(html.getBytes(StandardCharsets.UTF_8)) + "\n"
                + "--rel\nContent-Type: image/png\nContent-Transfer-Encoding: base64\nContent-ID: <logo@x>\n"
                + "Content-Disposition: inline; filename=\"logo.png\"\n\n"
                + base64(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4}) + "\n"
                + "--rel--\n";
        return crlf(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** A short covering note with {@code inner} attached as {@code message/rfc822}. */
    static byte[] forwarding(byte[] inner) {
        String boundary = "fwd-" + inner.length;
        byte[] head = ("""
                From: Traveller <traveller@example.org>
                To: me@example.org
                Subject: Fwd: Your booking
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="%1$s"

                --%1$s
                Content-Type: text/plain; charset=us-ascii

                See below.
                --%1$s
                Content-Type: message/rfc822
                Content-Disposition: inline

                """).formatted(boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\n--" + boundary + "--\n").getBytes(StandardCharsets.US_ASCII);
        return crlf(concat(concat(head, inner), tail));
    }

    static byte[] encoded(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
    }

    static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            // whitespace before a line end is transport padding to a decoder, so it must be encoded
            boolean lineEndFollows = i + 1 == bytes.length || bytes[i + 1] == '\n' || bytes[i + 1] == '\r';
            String piece;
            if (c == '\n') {
                out.append('\n');
                lineLength = 0;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            piece = (c >= 33 && c <= 126 && c != '=') || (c == ' ' && !lineEndFollows) ? String.valueOf((char) c)
                    : String.format("=%02X", c);
            if (lineLength + piece.length() > 75) {
                out.append("=\n");
                lineLength = 0;
            }
            out.append(piece);
            lineLength += piece.length();
        }
        return out.toString();
    }

    private static byte[] encode(byte[] body, String transferEncoding) {
        return switch (transferEncoding) {
            case "base64" -> base64(body).getBytes(StandardCharsets.US_ASCII);
            case "quoted-printable" -> quotedPrintable(body).getBytes(StandardCharsets.US_ASCII);
            default -> body;
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Normalizes line ends to CRLF as on the wire. */
    static byte[] crlf(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length + raw.length / 40);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(raw[i]);
        }
        return out.toByteArray();
    }
}
