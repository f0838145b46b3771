package io.mailsift.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Builds deterministic finding keys from the parts that identify a real-world thing. */
public final class FindingKey {

    private FindingKey() {
    }

    /**
     * A key from identifying parts: each part is trimmed, its whitespace collapsed, upper-cased and Unicode-normalized,
     * then the parts are hashed (SHA-256, first 128 bits, hex). {@code null} parts count as empty.
     * {@code of("FlightReservation", "ab12cd", "LH 123", "2027-03-04")} equals
     * {@code of("FlightReservation", " AB12CD ", "LH  123", "2027-03-04")}.
     */
    public static String of(@Nullable String... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        for (String part : parts) {
            digest.update(normalize(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static String normalize(@Nullable String part) {
        if (part == null) {
            return "";
        }
        String text = Normalizer.normalize(part, Normalizer.Form.NFKC).strip();
        text = WHITESPACE.matcher(text).replaceAll(" ");
        return text.toUpperCase(Locale.ROOT);
    }
}
