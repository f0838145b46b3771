package io.mailsift.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits an mbox file into its messages, streaming, one message in memory at a time.
 *
 * <p>A message starts at a {@code From } line that opens the file or follows a blank line; the blank line before it
 * belongs to the separator. Quoted {@code From } lines are un-escaped the mboxrd way ({@code >From } becomes
 * {@code From }, {@code >>From } becomes {@code >From }), which also reads mboxo files correctly except for the rare
 * body line that really began with {@code >From }.
 */
final class MboxReader {

    private static final byte[] FROM = "From ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Receives each message with its 1-based position in the file. */
    @FunctionalInterface
    interface MessageSink {
        void accept(int position, byte[] raw);
    }

    private MboxReader() {
    }

    /** Whether the file's first line starts with {@code From }, the mark of an mbox. */
    static boolean looksLikeMbox(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(FROM.length), FROM);
        }
    }

    /** Reads every message of the mbox, in order; returns how many there were. */
    static int read(InputStream mbox, MessageSink sink) throws IOException {
        InputStream in = new BufferedInputStream(mbox, 64 * 1024);
        ByteArrayOutputStream message = null;
        byte[] heldBlank = null;
        boolean afterBlank = true;
        int count = 0;
        for (byte[] line = readLine(in); line != null; line = readLine(in)) {
            if (afterBlank && startsWith(line, 0, FROM)) {
                if (message != null) {
                    sink.accept(++count, message.toByteArray());
                }
                message = new ByteArrayOutputStream();
                heldBlank = null;
                afterBlank = false;
                continue;
            }
            if (message == null) {
                throw new IOException("not an mbox: the first line does not start with 'From '");
            }
            if (heldBlank != null) {
                message.write(heldBlank);
                heldBlank = null;
            }
            afterBlank = isBlank(line);
            if (afterBlank) {
                // Held back: if a From line follows, this blank line is the separator, not message content.
                heldBlank = line;
            } else if (isQuotedFrom(line)) {
                message.write(line, 1, line.length - 1);
            } else {
                message.write(line);
            }
        }
        if (message != null) {
            sink.accept(++count, message.toByteArray());
        }
        return count;
    }

    private static boolean isQuotedFrom(byte[] line) {
        int i = 0;
        while (i < line.length && line[i] == '>') {
            i++;
        }
        return i > 0 && startsWith(line, i, FROM);
    }

    private static boolean isBlank(byte[] line) {
        return line.length == 0 || (line.length == 1 && line[0] == '\n')
                || (line.length == 2 && line[0] == '\r' && line[1] == '\n');
    }

    private static boolean startsWith(byte[] line, int offset, byte[] prefix) {
        return line.length - offset >= prefix.length
                && Arrays.equals(line, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /** One line including its terminator, or {@code null} at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
