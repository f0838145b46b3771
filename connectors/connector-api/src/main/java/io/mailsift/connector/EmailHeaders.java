package io.mailsift.connector;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The headers of one message, decoded (RFC 2047 encoded words resolved). This is all a connector sees in
 * {@link Connector#interestedIn(EmailHeaders)}, before any body is fetched.
 *
 * @param messageId the {@code Message-ID} without angle brackets, or {@code null}
 * @param subject   the decoded subject, empty when absent
 * @param from      the sender's address ({@code local@domain}), lower-cased domain, or {@code null}
 * @param fromName  the sender's display name, or {@code null}
 * @param to        the recipients' addresses
 * @param date      when the message was sent: its {@code Date} header; for mail read from a mailbox, the server's
 *                  receipt time (IMAP INTERNALDATE) when the header is absent, unparseable or more than a day after
 *                  that receipt (a sender's clock set wrong); {@code null} when nothing says
 * @param fields    every header field by lower-case name, values decoded, in message order
 */
public record EmailHeaders(
        @Nullable String messageId, String subject, @Nullable String from, @Nullable String fromName,
        List<String> to, @Nullable Instant date, Map<String, List<String>> fields) {

    public EmailHeaders {
        to = List.copyOf(to);
        Map<String, List<String>> copy = new TreeMap<>();
        fields.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** These headers with another {@link #date()} (the platform's, when the message's own is missing or wrong). */
    public EmailHeaders withDate(@Nullable Instant date) {
        return new EmailHeaders(messageId, subject, from, fromName, to, date, fields);
    }

    /** The sender's domain in lower case (e.g. {@code lufthansa.com}), empty when there is no sender. */
    public String fromDomain() {
        if (from == null) {
            return "";
        }
        int at = from.lastIndexOf('@');
        return at < 0 ? "" : from.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** Every value of one header field, case-insensitive name. */
    public List<String> all(String name) {
        return fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first value of one header field, case-insensitive name. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
