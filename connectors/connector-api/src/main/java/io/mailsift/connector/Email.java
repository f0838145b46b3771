package io.mailsift.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One parsed message as a connector sees it: read-only, already decoded, nothing left to parse by hand.
 *
 * <p>MIME is walked for you: of a {@code multipart/alternative} the best text and HTML alternatives are taken;
 * {@code multipart/related} and {@code mixed} are followed; charsets are decoded (declared, missing or wrong);
 * forwarded messages ({@code message/rfc822}) appear in {@link #forwarded()}.
 *
 * @param headers        the decoded headers
 * @param text           the plain-text body, or {@code null}; when a message only has HTML this is the HTML's text
 * @param html           the HTML body, or {@code null}
 * @param attachments    metadata of attachments and non-body inline parts
 * @param calendars      the text of every iCalendar part ({@code text/calendar} or {@code .ics}), in message order
 * @param structuredData schema.org objects found in the HTML body: JSON-LD scripts and microdata, top-level items
 *                       only (nested items stay nested), each with {@code @type}; broken JSON is repaired where
 *                       possible and otherwise skipped
 * @param forwarded      messages attached as {@code message/rfc822}, parsed the same way
 */
public record Email(
        EmailHeaders headers, @Nullable String text, @Nullable String html, List<Attachment> attachments,
        List<String> calendars, List<Map<String, Object>> structuredData, List<Email> forwarded) {

    public Email {
        attachments = List.copyOf(attachments);
        calendars = List.copyOf(calendars);
        structuredData = JsonLd.immutableCopy(List.copyOf(structuredData));
        forwarded = List.copyOf(forwarded);
    }

    /** This message with other headers (the platform's date, say); the parts stay as they are. */
    public Email withHeaders(EmailHeaders headers) {
        return new Email(headers, text, html, attachments, calendars, structuredData, forwarded);
    }

    /** The plain-text body, or the HTML body's text, or empty. */
    public Optional<String> textBody() {
        return Optional.ofNullable(text);
    }

    /** The HTML body. */
    public Optional<String> htmlBody() {
        return Optional.ofNullable(html);
    }

    /** Structured data of this message and of every forwarded message inside it, depth first. */
    public List<Map<String, Object>> allStructuredData() {
        List<Map<String, Object>> all = new ArrayList<>(structuredData);
        for (Email inner : forwarded) {
            all.addAll(inner.allStructuredData());
        }
        return all;
    }

    /** iCalendar texts of this message and of every forwarded message inside it, depth first. */
    public List<String> allCalendars() {
        List<String> all = new ArrayList<>(calendars);
        for (Email inner : forwarded) {
            all.addAll(inner.allCalendars());
        }
        return all;
    }

    /** A copy without bodies, attachments or structured data: what a {@link ReadScope#HEADERS} connector gets. */
    public Email headersOnly() {
        return new Email(headers, null, null, List.of(), List.of(), List.of(), List.of());
    }
}
