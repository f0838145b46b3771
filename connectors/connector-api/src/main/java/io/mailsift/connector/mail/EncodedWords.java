package io.mailsift.connector.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes header text: RFC 2047 encoded words and raw 8-bit bytes. Written by hand rather than taken from
 * {@code MimeUtility.decodeText} because real mail splits multi-byte characters across adjacent encoded words, uses
 * charset names the JDK does not know, and puts raw UTF-8 in headers; all of that must decode, never throw.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern BLANK = Pattern.compile("[ \\t\\r\\n]*");

    private EncodedWords() {
    }

    /** Decodes a header value (unfolded first). */
    static String decode(String raw) {
        String text = fix8Bit(unfold(raw));
        if (!text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher matcher = WORD.matcher(text);
        int position = 0;
        // bytes of adjacent words in the same charset, decoded together so split characters join up again
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        while (matcher.find()) {
            String between = text.substring(position, matcher.start());
            boolean adjacent = pendingCharset != null && BLANK.matcher(between).matches();
            String charset = charsetName(matcher.group(1));
            if (!adjacent || !charset.equals(pendingCharset)) {
                if (pendingCharset != null) {
                    out.append(BodyCharset.decode(pending.toByteArray(), pendingCharset));
                    pending.reset();
                }
                if (!adjacent) {
                    out.append(between);
                }
            }
            pendingCharset = charset;
            byte[] bytes = matcher.group(2).equalsIgnoreCase("B")
                    ? base64(matcher.group(3))
                    : qEncoding(matcher.group(3));
            pending.writeBytes(bytes);
            position = matcher.end();
        }
        if (pendingCharset != null) {
            out.append(BodyCharset.decode(pending.toByteArray(), pendingCharset));
        }
        out.append(text.substring(position));
        return out.toString();
    }

    /** Removes folding line breaks. */
    static String unfold(String raw) {
        if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
            // Most header values: nothing to unfold, and no pattern to run (this is on every header read).
            return raw;
        }
        return LINE_BREAK.matcher(FOLD.matcher(raw).replaceAll("")).replaceAll("");
    }

    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

    /**
     * Jakarta Mail reads header bytes one char per byte; raw UTF-8 (RFC 6532) or Latin-1 in headers is re-read
     * with the same rules as a body without a charset.
     */
    static String fix8Bit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            high |= c > 0x7F;
        }
        return high ? BodyCharset.guess(value.getBytes(StandardCharsets.ISO_8859_1)) : value;
    }

    private static String charsetName(String declared) {
        int language = declared.indexOf('*');
        return (language < 0 ? declared : declared.substring(0, language)).toLowerCase(Locale.ROOT);
    }

    private static byte[] base64(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9+/]", "");
        if (cleaned.length() % 4 == 1) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        try {
            return Base64.getDecoder().decode(pad(cleaned));
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static String pad(String base64) {
        int missing = (4 - base64.length() % 4) % 4;
        return base64 + "=".repeat(missing);
    }

    private static byte[] qEncoding(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c > 0xFF ? '?' : c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
