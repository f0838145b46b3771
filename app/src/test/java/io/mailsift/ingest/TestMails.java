package io.mailsift.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Small messages built for the ingestion tests. */
final class TestMails {

    private static final Session SESSION = Session.getInstance(new Properties());

    private TestMails() {
    }

    static MimeMessage mail(String subject) {
        return mail(subject, "Hello,\r\n\r\nthis is " + subject + ".\r\n");
    }

    static MimeMessage mail(String subject, String body) {
        return raw("""
                From: Sender <sender@shop.example>
                To: alice@example.org
                Subject: %s
                Date: Mon, 30 Nov 2026 09:15:00 +0100
                Message-ID: <%s@test.example>
                Content-Type: text/plain; charset=utf-8

                %s""".formatted(subject, Integer.toHexString(subject.hashCode()), body));
    }

    /** A message with no header field a reader can use: the parser gives up on it. */
    static MimeMessage withoutHeaders() {
        return raw("\r\nno headers at all, just a body\r\n");
    }

    static MimeMessage raw(String text) {
        try {
            return new MimeMessage(SESSION,
                    new ByteArrayInputStream(text.replace("\r\n", "\n").replace("\n", "\r\n")
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
