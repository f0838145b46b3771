package io.mailsift.connector.mail;

import java.io.InputStream;

import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * A {@link SharedByteArrayInputStream} whose sub-streams are again of this type and that lets this package see the
 * array behind it: {@link LenientMultipart} then finds boundaries in the bytes themselves instead of through the
 * stream one window at a time. Behaves exactly as its superclass otherwise.
 */
final class SharedBytes extends SharedByteArrayInputStream {

    SharedBytes(byte[] bytes) {
        super(bytes);
    }

    private SharedBytes(byte[] bytes, int offset, int length) {
        super(bytes, offset, length);
    }

    /** The same stream as the superclass's, as this type. */
    @Override
    public InputStream newStream(long start, long end) {
        if (start < 0) {
            throw new IllegalArgumentException("start < 0");
        }
        long last = end == -1 ? count - this.start : end;
        return new SharedBytes(buf, this.start + (int) start, (int) (last - start));
    }

    /** The array this stream reads; not a copy. */
    byte[] array() {
        return buf;
    }

    /** The index in {@link #array()} of the next byte to read. */
    int next() {
        return pos;
    }

    /** The index in {@link #array()} after this stream's last byte. */
    int limit() {
        return count;
    }

    /** The bytes from index {@code from} to index {@code to} of {@link #array()}, as {@link #newStream} gives them. */
    InputStream slice(int from, int to) {
        return newStream(from - start, to - start);
    }
}
