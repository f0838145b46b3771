package io.mailsift.connector.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.angus.mail.util.BASE64DecoderStream;
import org.eclipse.angus.mail.util.QPDecoderStream;
import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads the bytes of one MIME part after transfer decoding, tolerating broken base64 and quoted-printable, and
 * without ever holding more than a limit in memory.
 */
final class PartContent {

    private PartContent() {
    }

    /** The part's content with its transfer encoding undone; broken encodings yield what could be decoded. */
    static InputStream open(Part part) throws IOException, MessagingException {
        InputStream raw;
        if (part instanceof MimeBodyPart body) {
            raw = body.getRawInputStream();
        } else if (part instanceof MimeMessage message) {
            raw = message.getRawInputStream();
        } else {
            return part.getInputStream();
        }
        return decoding(raw, encoding(part));
    }

    static String encoding(Part part) {
        try {
            String[] values = part.getHeader("Content-Transfer-Encoding");
            if (values == null || values.length == 0) {
                return "7bit";
            }
            return HeaderValue.parse(values[0]).value();
        } catch (MessagingException e) {
            SourceLost.rethrowIfSourceFailure(e);
            return "7bit";
        }
    }

    /** Whether the transfer encoding leaves bytes as they are (so a shared stream stays shared). */
    static boolean isIdentity(String encoding) {
        return switch (encoding) {
            case "base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue" -> false;
            default -> true;
        };
    }

    static InputStream decoding(InputStream raw, String encoding) {
        return switch (encoding.toLowerCase(Locale.ROOT)) {
            case "base64" -> new BASE64DecoderStream(raw, true);
            case "quoted-printable" -> new QPDecoderStream(raw);
            case "uuencode", "x-uuencode", "x-uue" -> {
                try {
                    yield MimeUtility.decode(raw, encoding);
                } catch (MessagingException e) {
                    yield raw;
                }
            }
            default -> raw;
        };
    }

    /**
     * Reads at most {@code limit} bytes; {@code null} when the content is longer. A decoding error ends the content
     * where it happened.
     */
    static byte @Nullable [] readUpTo(InputStream in, long limit) {
        if (in instanceof SharedBytes shared) {
            // a part of a message parsed from bytes, not transfer-encoded: its bytes are there to be copied at once
            int length = Math.max(0, shared.limit() - shared.next());
            return length > limit ? null
                    : Arrays.copyOfRange(shared.array(), shared.next(), shared.next() + length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = readSafely(in, buffer)) > 0) {
                out.write(buffer, 0, read);
                if (out.size() > limit) {
                    return null;
                }
            }
        } catch (IOException closing) {
            SourceLost.rethrowIfSourceFailure(closing);
        }
        return out.toByteArray();
    }

    /** Counts the decoded bytes by streaming them. */
    static long count(InputStream in) {
        if (in instanceof SharedBytes shared) {
            return Math.max(0, shared.limit() - shared.next());
        }
        byte[] buffer = new byte[8192];
        long total = 0;
        try (in) {
            int read;
            while ((read = readSafely(in, buffer)) > 0) {
                total += read;
            }
        } catch (IOException closing) {
            SourceLost.rethrowIfSourceFailure(closing);
        }
        return total;
    }

    /** A decoding error ends the content where it happened; a lost connection is not the content's fault. */
    private static int readSafely(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException | RuntimeException brokenEncoding) {
            SourceLost.rethrowIfSourceFailure(brokenEncoding);
            return -1;
        }
    }
}
