package io.mailsift.connector.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;

/**
 * A multipart that accepts what real mail does wrong (missing end boundary, missing boundary parameter, no parts)
 * regardless of JVM-wide system properties, read from the part's transfer-decoded content.
 */
final class LenientMultipart extends MimeMultipart {

    LenientMultipart(Part part, String contentType) throws MessagingException {
        super(new PartSource(part, contentType));
    }

    @Override
    protected void initializeProperties() {
        ignoreMissingEndBoundary = true;
        ignoreMissingBoundaryParameter = true;
        ignoreExistingBoundaryParameter = false;
        allowEmpty = true;
    }

    /** Serves the part's content with its transfer encoding undone; stays a shared stream when it was one. */
    private record PartSource(Part part, String contentType) implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return PartContent.open(part);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "part";
        }
    }
}
