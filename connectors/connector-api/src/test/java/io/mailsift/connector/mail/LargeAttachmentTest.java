package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.mailsift.connector.Attachment;
import io.mailsift.connector.Email;
import org.junit.jupiter.api.Test;

/** A 30 MB attachment is measured, never loaded: parsing allocates far less than the attachment's size. */
class LargeAttachmentTest {

    private static final int SIZE = 30 * 1024 * 1024;

    @Test
    void shouldReportAThirtyMegabyteAttachmentWithoutLoadingIt() throws Exception {
        byte[] raw = messageWithAttachment();
        EmailParser parser = new EmailParser();
        parser.parse(raw); // warm up class loading so that only the parse itself is measured

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Email email = parser.parse(raw);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(email.text()).isEqualTo("Your tickets are attached.");
        assertThat(email.attachments()).containsExactly(
                new Attachment("tickets.pdf", "application/pdf", SIZE, false, null));
        assertThat(allocated).as("bytes allocated while parsing").isLessThan(SIZE / 4);
    }

    private static byte[] messageWithAttachment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE / 3 * 4 + SIZE / 38 + 1024);
        out.writeBytes(TestMessages.crlf("""
                From: Tickets <tickets@example.com>
                Subject: Your tickets
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; charset=utf-8

                Your tickets are attached.
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="tickets.pdf"
                Content-Transfer-Encoding: base64

                """.getBytes(StandardCharsets.US_ASCII)));
        byte[] chunk = new byte[57 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31);
        }
        Base64.Encoder encoder = Base64.getMimeEncoder();
        int written = 0;
        while (written < SIZE) {
            int length = Math.min(chunk.length, SIZE - written);
            byte[] piece = length == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, length);
            out.writeBytes(encoder.encode(piece));
            out.writeBytes(new byte[] {'\r', '\n'});
            written += length;
        }
        out.writeBytes("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
