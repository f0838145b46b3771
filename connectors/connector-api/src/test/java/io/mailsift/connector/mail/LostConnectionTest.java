package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.Properties;

import jakarta.mail.FolderClosedException;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * A message read over IMAP can fail half-way because the connection dropped. That is not a broken message: it must
 * surface as an I/O failure to retry, never as an empty body (lost findings) or a quarantined message.
 */
class LostConnectionTest {

    private static final byte[] RAW = TestMessages.alternative(TestMessages.HEADERS, "text", "<p>html</p>");

    private final EmailParser parser = new EmailParser();

    @Test
    void shouldReportAConnectionLostWhileReadingTheBodyAsIoFailure() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(RAW)) {
            @Override
            public InputStream getRawInputStream() throws MessagingException {
                return new FilterInputStream(super.getRawInputStream()) {
                    private int reads;

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        if (++reads > 1) {
                            throw new IOException("connection reset", new FolderClosedException(null));
                        }
                        return super.read(buffer, offset, Math.min(length, 40));
                    }

                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset", new FolderClosedException(null));
                    }
                };
            }
        };

        assertThatThrownBy(() -> parser.parse(message)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseInstanceOf(FolderClosedException.class);
    }

    @Test
    void shouldReportAClosedFolderWhileReadingHeadersAsIoFailure() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            public Enumeration<Header> getAllHeaders() throws MessagingException {
                throw new FolderClosedException(null, "lost");
            }
        };

        assertThatThrownBy(() -> parser.parseHeaders(message)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> parser.parse(message)).isInstanceOf(UncheckedIOException.class);
    }
}
