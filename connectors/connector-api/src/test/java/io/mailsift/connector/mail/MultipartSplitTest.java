package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.junit.jupiter.api.Test;

/**
 * LenientMultipart's split in the array finds exactly the parts, preamble and completeness that Jakarta's own parse
 * finds on the same bytes read as a plain shared stream.
 */
class MultipartSplitTest {

    private static final List<String> BOUNDARIES = List.of("b", "alt-XD8T9LCSSU", "=_Part_1_2.3", "--x", "ab ab",
            "a-", "aa", "aba");

    private static final List<String> PIECES = List.of("\r\n", "\n", "\r", "\r\r\n", "\r\r", " ", "\t", "-", "--",
            "x", "a", "b", "ab", "Content-Type: text/plain", "Content-Type: text/html; charset=utf-8", ":",
            "Subject: y", "\u00e9", "<html>", "text ", "\r\n\r\n", "\n\n", "X-A: 1\r\n");

    @Test
    void shouldSplitAsJakartaDoesOnRandomMultiparts() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 12_000; run++) {
            String boundary = BOUNDARIES.get(random.nextInt(BOUNDARIES.size()));
            StringBuilder body = new StringBuilder();
            int pieces = random.nextInt(0, 40);
            for (int i = 0; i < pieces; i++) {
                int pick = random.nextInt(PIECES.size() + 6);
                if (pick < PIECES.size()) {
                    body.append(PIECES.get(pick));
                } else if (pick < PIECES.size() + 3) {
                    body.append("--").append(boundary);
                } else if (pick < PIECES.size() + 4) {
                    body.append("--").append(boundary).append("--");
                } else if (pick < PIECES.size() + 5) {
                    body.append("\r\n--").append(boundary).append("\r\n");
                } else {
                    body.append(boundary, 0, random.nextInt(boundary.length() + 1));
                }
            }
            String header = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
            byte[] raw = (header + body).getBytes(StandardCharsets.ISO_8859_1);
            String contentType = "multipart/mixed; boundary=\"" + boundary + "\"";

            String expected = describe(new LenientMultipart(
                    new MimeBodyPart(new SharedByteArrayInputStream(raw)), contentType));
            String actual = describe(new LenientMultipart(new MimeBodyPart(new SharedBytes(raw)), contentType));

            assertThat(actual).as("body %s", body.toString().replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldSplitAsJakartaDoesOnRealisticMessages() throws Exception {
        String raw = """
                preamble line\r
                \r
                --alt-1 \t\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Hello\r
                --alt-1x not a boundary\r
                \r
                --alt-1\r
                Content-Type: text/html\r
                \r
                <p>Hi</p>\r
                --alt-1--\r
                epilogue\r
                """;
        byte[] bytes = ("Content-Type: multipart/alternative; boundary=alt-1\r\n\r\n" + raw)
                .getBytes(StandardCharsets.ISO_8859_1);
        String contentType = "multipart/alternative; boundary=\"alt-1\"";

        LenientMultipart split = new LenientMultipart(new MimeBodyPart(new SharedBytes(bytes)), contentType);

        assertThat(split.getCount()).isEqualTo(2);
        assertThat(describe(split)).isEqualTo(describe(new LenientMultipart(
                new MimeBodyPart(new SharedByteArrayInputStream(bytes)), contentType)));
        assertThat(new String(split.getBodyPart(0).getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("Hello\r\n--alt-1x not a boundary\r\n");
    }

    private static String describe(LenientMultipart multipart) {
        StringBuilder description = new StringBuilder();
        try {
            int count = multipart.getCount();
            description.append("parts=").append(count).append(" complete=").append(multipart.isComplete())
                    .append(" preamble=").append(multipart.getPreamble()).append('\n');
            for (int i = 0; i < count; i++) {
                BodyPart part = multipart.getBodyPart(i);
                List<String> headers = new ArrayList<>(Collections.list(((MimeBodyPart) part).getAllHeaderLines()));
                description.append("headers=").append(headers).append(" content=")
                        .append(hex(((MimeBodyPart) part).getRawInputStream())).append('\n');
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            description.append("failure ").append(e.getClass().getName());
        }
        return description.toString();
    }

    private static String hex(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return java.util.HexFormat.of().formatHex(out.toByteArray());
    }
}
