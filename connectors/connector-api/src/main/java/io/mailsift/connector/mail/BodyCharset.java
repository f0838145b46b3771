package io.mailsift.connector.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns body bytes into text whatever the sender declared. Senders routinely declare no charset, a Latin charset for
 * UTF-8 bytes, or a name no JDK knows; this never throws and picks the reading that fits the bytes.
 */
final class BodyCharset {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Declarations that real mailers put on UTF-8 bytes by mistake. */
    private static final Set<String> LATIN_DECLARATIONS = Set.of(
            "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso_8859-1", "windows-1252",
            "cp1252", "ansi_x3.4-1968", "us");

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private BodyCharset() {
    }

    /** Decodes text: declared charset when the bytes fit it, else UTF-8 when valid, else windows-1252. */
    static String decode(byte[] bytes, @Nullable String declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return lenient(ByteBuffer.wrap(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return lenient(ByteBuffer.wrap(bytes), StandardCharsets.UTF_16);
        }
        String name = declared == null ? "" : declared.strip().replace("\"", "").replace("'", "")
                .toLowerCase(Locale.ROOT);
        Charset charset = lookup(name);
        if (charset == null) {
            return guess(bytes);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8OrBestEffort(bytes);
        }
        boolean latin = LATIN_DECLARATIONS.contains(name) || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(WINDOWS_1252)
                || charset.name().equals("ISO-8859-15");
        // valid multi-byte UTF-8 is practically never Latin text: the declaration is wrong
        if (latin && hasNonAscii(bytes) && strict(bytes, StandardCharsets.UTF_8) != null) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)) {
            // what browsers do for both declarations: windows-1252 is their superset
            return lenient(ByteBuffer.wrap(bytes), WINDOWS_1252);
        }
        String text = strict(bytes, charset);
        if (text != null) {
            return text;
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        // a stray byte in Japanese or Chinese text is still Japanese or Chinese text, never windows-1252
        return utf8 != null ? utf8 : lenient(ByteBuffer.wrap(bytes), charset);
    }

    /** For HTML without a MIME charset: the {@code <meta charset>} or {@code http-equiv} declaration, if any. */
    static @Nullable String declaredInHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher matcher = META_CHARSET.matcher(head);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** No usable declaration: strict UTF-8 when the bytes are valid, else windows-1252. */
    static String guess(byte[] bytes) {
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : lenient(ByteBuffer.wrap(bytes), WINDOWS_1252);
    }

    /** Declared UTF-8 but invalid: mostly UTF-8 with a stray byte stays UTF-8, otherwise it was Latin text. */
    private static String utf8OrBestEffort(byte[] bytes) {
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String lenient = lenient(ByteBuffer.wrap(bytes), StandardCharsets.UTF_8);
        long replaced = lenient.chars().filter(c -> c == '\uFFFD').count();
        long multiByte = lenient.chars().filter(c -> c > 0x7F && c != '\uFFFD').count();
        return multiByte > replaced ? lenient : lenient(ByteBuffer.wrap(bytes), WINDOWS_1252);
    }

    static @Nullable Charset lookup(String name) {
        if (name.isEmpty()) {
            return null;
        }
        // senders declare the standard charset and write its Microsoft or national superset, as browsers assume
        String canonical = switch (name) {
            case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8" -> "UTF-8";
            case "latin1", "latin-1" -> "ISO-8859-1";
            case "ks_c_5601-1987", "euc-kr", "ks_c_5601", "korean" -> "x-windows-949";
            case "gb2312", "gbk", "x-gbk", "cp936", "chinese", "csgb2312" -> "GB18030";
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis" -> "windows-31j";
            case "big5" -> "Big5-HKSCS";
            case "tis-620", "iso-8859-11" -> "x-windows-874";
            case "iso-8859-8-i" -> "ISO-8859-8";
            default -> name;
        };
        try {
            return Charset.forName(canonical);
        } catch (IllegalArgumentException unknownOrIllegal) {
            return null;
        }
    }

    static @Nullable String strict(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            // The JDK's own UTF-8 reading (vectorised) puts U+FFFD for each malformed sequence and is otherwise the
            // strict decoder's reading: without U+FFFD in the result the bytes were valid and the text is the same.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return text;
            }
        }
        return strictlyDecoded(bytes, charset);
    }

    /** The bytes read by a decoder that reports malformed and unmappable input; {@code null} when there is any. */
    static @Nullable String strictlyDecoded(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    private static String lenient(ByteBuffer bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not report errors", e);
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
