package io.mailsift.connector.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;

/**
 * A multipart that accepts what real mail does wrong (missing end boundary, missing boundary parameter, no parts)
 * regardless of JVM-wide system properties, read from the part's transfer-decoded content.
 *
 * <p>When that content is {@link SharedBytes} (a message parsed from bytes, the ingestion's case) and the boundary is
 * declared in ASCII, the parts are split in the array itself: the same parts, preamble and completeness as
 * {@link MimeMultipart#parse()} finds (a randomized test holds the two together), without its Boyer-Moore walk through
 * the stream's mark, read, reset and skip for every window of a boundary's length, which cost more than the rest of
 * the MIME parse. Any other content is left to that parse.
 */
final class LenientMultipart extends MimeMultipart {

    /** Jakarta reads lines as UTF-8 with this set; the split compares bytes, so it leaves such lines to Jakarta. */
    private static final boolean LINES_AS_UTF8 = Boolean.getBoolean("mail.mime.allowutf8");

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

    @Override
    protected synchronized void parse() throws MessagingException {
        if (parsed) {
            return;
        }
        SharedBytes shared = sharedContent();
        String boundary = shared == null || LINES_AS_UTF8 ? null : new ContentType(contentType).getParameter("boundary");
        if (shared == null || boundary == null || !isAscii(boundary)) {
            super.parse();
            return;
        }
        initializeProperties();
        split(shared, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
    }

    private @Nullable SharedBytes sharedContent() {
        try {
            InputStream in = ds.getInputStream();
            if (in instanceof SharedBytes shared) {
                return shared;
            }
            in.close();
        } catch (IOException | RuntimeException notReadableHere) {
            // super.parse() opens it again and reports the failure as it always has
        }
        return null;
    }

    /**
     * What {@link MimeMultipart#parse()} does on a shared stream, on the array: the preamble up to the first
     * boundary line; then per part its headers up to an empty line and its content up to the next boundary that
     * starts the content or a line, followed by {@code --} (the last) or by blanks and a line end.
     */
    private void split(SharedBytes shared, byte[] boundary) throws MessagingException {
        byte[] bytes = shared.array();
        int end = shared.limit();
        int at = shared.next();
        StringBuilder preambleLines = null;
        boolean started = false;
        while (at < end) {
            int lineEnd = lineEnd(bytes, at, end);
            int next = afterLineEnd(bytes, lineEnd, end);
            int stripped = lineEnd;
            while (stripped > at && (bytes[stripped - 1] == ' ' || bytes[stripped - 1] == '\t')) {
                stripped--;
            }
            int length = stripped - at;
            if (length == boundary.length && startsWith(bytes, at, boundary)) {
                at = next;
                started = true;
                break;
            }
            if (length == boundary.length + 2 && startsWith(bytes, at, boundary)
                    && bytes[stripped - 2] == '-' && bytes[stripped - 1] == '-') {
                break;
            }
            if (length > 0) {
                if (preambleLines == null) {
                    preambleLines = new StringBuilder(length + 2);
                }
                preambleLines.append(new String(bytes, at, length, StandardCharsets.ISO_8859_1))
                        .append(System.lineSeparator());
            }
            at = next;
        }
        if (preambleLines != null) {
            preamble = preambleLines.toString();
        }
        if (!started) {
            // as Jakarta with allowEmpty: no parts, and not marked parsed
            return;
        }
        List<MimeBodyPart> found = new ArrayList<>();
        boolean split = false;
        try {
            splitParts(shared, boundary, at, found);
            split = true;
        } finally {
            // MimeMultipart.addBodyPart parses first: marked parsed meanwhile, as Jakarta's parse leaves it after
            parsed = true;
            for (MimeBodyPart part : found) {
                addBodyPart(part);
            }
            parsed = split;
        }
    }

    private void splitParts(SharedBytes shared, byte[] boundary, int from, List<MimeBodyPart> found)
            throws MessagingException {
        byte[] bytes = shared.array();
        int end = shared.limit();
        int at = from;
        int[] shifts = shifts(boundary);
        boolean done = false;
        while (!done) {
            int partStart = at;
            boolean headersEnded = false;
            while (at < end) {
                int lineEnd = lineEnd(bytes, at, end);
                boolean empty = lineEnd == at;
                at = afterLineEnd(bytes, lineEnd, end);
                if (empty) {
                    headersEnded = true;
                    break;
                }
            }
            if (!headersEnded) {
                complete = false;
                break;
            }
            int contentStart = at;
            int partEnd = end;
            int searchFrom = contentStart;
            while (true) {
                int boundaryAt = indexOf(bytes, boundary, shifts, searchFrom, end);
                if (boundaryAt < 0) {
                    complete = false;
                    done = true;
                    break;
                }
                int lineEndBefore = 0;
                if (boundaryAt > contentStart) {
                    byte before = bytes[boundaryAt - 1];
                    if (before == '\r' || before == '\n') {
                        boolean crLf = before == '\n' && boundaryAt - 2 >= contentStart
                                && bytes[boundaryAt - 2] == '\r';
                        lineEndBefore = crLf ? 2 : 1;
                    }
                }
                if (boundaryAt == contentStart || lineEndBefore > 0) {
                    int after = boundaryAt + boundary.length;
                    int c = after < end ? bytes[after] : -1;
                    if (c == '-' && after + 1 < end && bytes[after + 1] == '-') {
                        partEnd = boundaryAt - lineEndBefore;
                        complete = true;
                        done = true;
                        break;
                    }
                    while (c == ' ' || c == '\t') {
                        after++;
                        c = after < end ? bytes[after] : -1;
                    }
                    if (c == '\n' || c == '\r') {
                        partEnd = boundaryAt - lineEndBefore;
                        at = after + 1;
                        if (c == '\r' && at < end && bytes[at] == '\n') {
                            at++;
                        }
                        break;
                    }
                }
                searchFrom = boundaryAt + 1;
            }
            InputStream content = shared.slice(partStart, partEnd);
            MimeBodyPart part;
            try {
                part = createMimeBodyPart(content);
            } finally {
                try {
                    content.close();
                } catch (IOException ignored) {
                    // a byte array stream does not fail to close
                }
            }
            found.add(part);
        }
    }

    /** The index of the first CR or LF at or after {@code from}, or {@code end}. */
    private static int lineEnd(byte[] bytes, int from, int end) {
        int at = from;
        while (at < end && bytes[at] != '\n' && bytes[at] != '\r') {
            at++;
        }
        return at;
    }

    /** Past the line end at {@code at} as Angus' LineInputStream reads it: LF, CR LF, CR CR LF, or a CR alone. */
    private static int afterLineEnd(byte[] bytes, int at, int end) {
        if (at >= end) {
            return at;
        }
        if (bytes[at] == '\n') {
            return at + 1;
        }
        if (at + 1 < end && bytes[at + 1] == '\n') {
            return at + 2;
        }
        if (at + 2 < end && bytes[at + 1] == '\r' && bytes[at + 2] == '\n') {
            return at + 3;
        }
        return at + 1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The first index at or after {@code from} where {@code word} lies wholly before {@code end}, or -1: a Horspool
     * search, whose window moves by how far its last byte is from that byte's last place in the word.
     */
    private static int indexOf(byte[] bytes, byte[] word, int[] shifts, int from, int end) {
        int length = word.length;
        int lastIndex = length - 1;
        byte last = word[lastIndex];
        int at = from;
        while (at + length <= end) {
            byte tail = bytes[at + lastIndex];
            if (tail == last && Arrays.equals(bytes, at, at + lastIndex, word, 0, lastIndex)) {
                return at;
            }
            at += shifts[tail & 0xFF];
        }
        return -1;
    }

    /** Per byte value, how far the window may move when its last byte has it (Horspool's table). */
    private static int[] shifts(byte[] word) {
        int[] shifts = new int[256];
        Arrays.fill(shifts, word.length);
        for (int i = 0; i < word.length - 1; i++) {
            shifts[word[i] & 0xFF] = word.length - 1 - i;
        }
        return shifts;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
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
