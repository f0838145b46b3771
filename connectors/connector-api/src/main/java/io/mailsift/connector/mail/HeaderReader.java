package io.mailsift.connector.mail;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.connector.EmailHeaders;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import org.jspecify.annotations.Nullable;

/** Decodes a message's header block into {@link EmailHeaders}. */
final class HeaderReader {

    /** Never used itself, only cloned: a date format is not safe for concurrent use. */
    private static final MailDateFormat DATE_FORMAT = new MailDateFormat();
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    private HeaderReader() {
    }

    /** @throws MessagingException when the message has no readable header field at all */
    static EmailHeaders read(Part message) throws MessagingException {
        return read(Collections.list(message.getAllHeaders()));
    }

    /** @throws MessagingException when there is no readable header field at all */
    static EmailHeaders read(List<? extends Header> headers) throws MessagingException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (Header header : headers) {
            String name = header.getName() == null ? "" : header.getName().strip();
            if (!FIELD_NAME.matcher(name).matches()) {
                continue;
            }
            String value = header.getValue() == null ? "" : header.getValue();
            String key = name.toLowerCase(Locale.ROOT);
            raw.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(EncodedWords.decode(value).strip());
        }
        if (fields.isEmpty()) {
            throw new MessagingException("no header fields");
        }
        List<InternetAddress> from = addresses(raw.getOrDefault("from", raw.getOrDefault("sender", List.of())));
        InternetAddress sender = from.isEmpty() ? null : from.getFirst();
        List<String> to = addresses(raw.getOrDefault("to", List.of())).stream().map(HeaderReader::address).toList();
        return new EmailHeaders(
                messageId(first(raw, "message-id")),
                first(fields, "subject") == null ? "" : first(fields, "subject"),
                sender == null ? null : address(sender),
                sender == null ? null : displayName(sender),
                to,
                date(first(raw, "date")),
                fields);
    }

    private static @Nullable String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static List<InternetAddress> addresses(List<String> rawValues) {
        List<InternetAddress> addresses = new ArrayList<>();
        for (String rawValue : rawValues) {
            String value = EncodedWords.fix8Bit(EncodedWords.unfold(rawValue)).strip();
            try {
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    String text = address.getAddress();
                    if (text == null || BARE_ADDRESS.matcher(text).matches()) {
                        if (text != null) {
                            addresses.add(address);
                        }
                        continue;
                    }
                    // lenient parsing lets stray brackets and quotes into the address
                    Matcher inner = BARE_ADDRESS.matcher(text);
                    if (inner.find()) {
                        address.setAddress(inner.group());
                        addresses.add(address);
                    }
                }
            } catch (AddressException unparseable) {
                Matcher matcher = BARE_ADDRESS.matcher(value);
                while (matcher.find()) {
                    addresses.add(new InternetAddress());
                    addresses.getLast().setAddress(matcher.group());
                }
            }
        }
        return addresses;
    }

    private static String address(InternetAddress address) {
        String text = address.getAddress().strip();
        int at = text.lastIndexOf('@');
        return text.substring(0, at) + text.substring(at).toLowerCase(Locale.ROOT);
    }

    private static @Nullable String displayName(InternetAddress address) {
        String personal = address.getPersonal();
        if (personal == null) {
            return null;
        }
        String decoded = EncodedWords.decode(personal).strip();
        if (decoded.length() >= 2 && decoded.startsWith("\"") && decoded.endsWith("\"")) {
            decoded = decoded.substring(1, decoded.length() - 1).strip();
        }
        return decoded.isEmpty() ? null : decoded;
    }

    static @Nullable String messageId(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String id = EncodedWords.unfold(raw).strip();
        int open = id.indexOf('<');
        int close = id.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            id = id.substring(open + 1, close);
        }
        id = id.strip();
        return id.isEmpty() ? null : id;
    }

    static @Nullable Instant date(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = EncodedWords.unfold(raw).strip();
        try {
            // A copy of a shared one: building a MailDateFormat (calendar, symbols) costs more than the parse.
            Date date = ((MailDateFormat) DATE_FORMAT.clone()).parse(text);
            if (date != null) {
                return date.toInstant();
            }
        } catch (ParseException | RuntimeException unparseable) {
            // fall through to the strict RFC 1123 reading
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException unparseable) {
            return null;
        }
    }
}
