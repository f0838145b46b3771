package io.mailsift.connector.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.mailsift.connector.Attachment;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * One walk over a message's MIME tree, collecting bodies, attachments, calendars, structured data and forwarded
 * messages. Not thread-safe: one instance per parsed message.
 */
final class MessageWalk {

    private static final Set<String> CALENDAR_TYPES = Set.of(
            "text/calendar", "application/ics", "text/x-vcalendar", "application/x-ics");

    /** Real mail nests a few multiparts; hostile mail nests thousands to exhaust the stack. */
    private static final int MAX_MULTIPART_NESTING = 50;

    private final Session session;
    private final EmailParser.Limits limits;
    private int partsSeen;
    private int multipartNesting;

    MessageWalk(Session session, EmailParser.Limits limits) {
        this.session = session;
        this.limits = limits;
    }

    Email message(MimeMessage message, int depth) throws MessagingException {
        EmailHeaders headers = HeaderReader.read(message);
        Found found = new Found();
        walk(message, found, depth);
        String text = found.text;
        if ((text == null || text.isBlank()) && found.html != null) {
            // also when the text alternative is an empty stub ("view this mail in HTML")
            text = HtmlText.of(found.htmlDocument != null ? found.htmlDocument : Jsoup.parse(found.html));
        }
        // Outlook sends an invitation twice, as calendar alternative and as .ics attachment
        List<String> calendars = found.calendars.stream().distinct().toList();
        return new Email(headers, text, found.html, found.attachments, calendars, found.structuredData,
                found.forwarded);
    }

    /** What the walk found below one part. */
    private static final class Found {
        @Nullable String text;
        @Nullable String html;
        // Parsed only when the text is to be read from the HTML, or its scripts (JSON-LD) are in HTML that RawScripts
        // does not understand: a newsletter's DOM is the largest single cost of parsing it, and most mail needs neither.
        @Nullable Document htmlDocument;
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> calendars = new ArrayList<>();
        final List<Map<String, Object>> structuredData = new ArrayList<>();
        final List<Email> forwarded = new ArrayList<>();

        void addAllButBodies(Found other) {
            attachments.addAll(other.attachments);
            calendars.addAll(other.calendars);
            forwarded.addAll(other.forwarded);
        }
    }

    private void walk(Part part, Found found, int depth) {
        if (++partsSeen > limits.maxParts()) {
            return;
        }
        HeaderValue type = HeaderValue.parse(header(part, "Content-Type"));
        HeaderValue disposition = HeaderValue.parse(header(part, "Content-Disposition"));
        String mediaType = type.value().contains("/") ? type.value() : "text/plain";
        String filename = disposition.parameter("filename");
        if (filename == null || filename.isBlank()) {
            filename = type.parameter("name");
        }
        if (filename != null && filename.isBlank()) {
            filename = null;
        }
        boolean isAttachment = disposition.value().equals("attachment");
        boolean inline = disposition.value().equals("inline");

        if (mediaType.startsWith("multipart/") && multipartNesting < MAX_MULTIPART_NESTING) {
            multipartNesting++;
            try {
                multipart(part, mediaType, type, found, depth);
            } finally {
                multipartNesting--;
            }
        } else if ((mediaType.equals("message/rfc822") || mediaType.equals("message/global"))
                && depth < limits.maxForwardDepth()) {
            forwarded(part, filename, mediaType, inline, found, depth);
        } else if (CALENDAR_TYPES.contains(mediaType)
                || (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".ics"))) {
            calendar(part, type, filename, mediaType, inline, found);
        } else if ((mediaType.equals("text/plain") || mediaType.equals("text/html")) && !isAttachment
                && (filename == null || disposition.value().isEmpty())) {
            // a name on the Content-Type alone is common on generated bodies; a disposition with a file name is not
            body(part, mediaType, type, filename, inline, found);
        } else {
            attachment(part, filename, mediaType, inline, found);
        }
    }

    private void multipart(Part part, String mediaType, HeaderValue type, Found found, int depth) {
        String boundary = type.parameter("boundary");
        String contentType = boundary == null
                ? mediaType
                : mediaType + "; boundary=\"" + boundary.replace("\"", "") + "\"";
        List<Part> children = new ArrayList<>();
        try {
            LenientMultipart multipart = new LenientMultipart(part, contentType);
            for (int i = 0; i < multipart.getCount(); i++) {
                children.add(multipart.getBodyPart(i));
            }
        } catch (MessagingException | RuntimeException unreadable) {
            SourceLost.rethrowIfSourceFailure(unreadable);
            children.clear();
        }
        if (children.isEmpty()) {
            // no boundary found at all: what is there is most likely the text itself
            body(part, "text/plain", new HeaderValue("text/plain", Map.of()), null, false, found);
            return;
        }
        if (!mediaType.equals("multipart/alternative")) {
            for (Part child : children) {
                walk(child, found, depth);
            }
            return;
        }
        // alternatives are ordered from plainest to richest: the last text and the last HTML are the best
        List<Found> alternatives = new ArrayList<>();
        Found bestText = null;
        Found bestHtml = null;
        for (Part child : children) {
            if (isOtherTextRendering(child)) {
                // AMP, Apple Watch and similar renderings of the same message are neither bodies nor attachments
                continue;
            }
            Found alternative = new Found();
            walk(child, alternative, depth);
            alternatives.add(alternative);
            if (alternative.text != null) {
                bestText = alternative;
            }
            if (alternative.html != null) {
                bestHtml = alternative;
            }
        }
        if (bestText != null && found.text == null) {
            found.text = bestText.text;
        }
        if (bestHtml != null && found.html == null) {
            found.html = bestHtml.html;
            found.htmlDocument = bestHtml.htmlDocument;
        }
        for (Found alternative : alternatives) {
            found.addAllButBodies(alternative);
            if (alternative.html == null || alternative == bestHtml) {
                found.structuredData.addAll(alternative.structuredData);
            }
        }
    }

    private static boolean isOtherTextRendering(Part part) {
        String mediaType = HeaderValue.parse(header(part, "Content-Type")).value();
        return mediaType.startsWith("text/") && !mediaType.equals("text/plain") && !mediaType.equals("text/html")
                && !CALENDAR_TYPES.contains(mediaType);
    }

    private void body(Part part, String mediaType, HeaderValue type, @Nullable String filename, boolean inline,
            Found found) {
        byte[] bytes = read(part);
        if (bytes == null) {
            attachment(part, filename, mediaType, inline, found);
            return;
        }
        if (mediaType.equals("text/plain") && !looksLikeHtml(bytes)) {
            if (found.text != null) {
                found.attachments.add(new Attachment(filename, mediaType, bytes.length, inline, contentId(part)));
                return;
            }
            // one line-end convention, so that connectors can split lines without caring about the wire format
            String text = BodyCharset.decode(bytes, type.parameter("charset")).replace("\r\n", "\n");
            if ("flowed".equalsIgnoreCase(type.parameter("format"))) {
                text = FlowedText.unwrap(text, "yes".equalsIgnoreCase(type.parameter("delsp")));
            }
            found.text = text;
            return;
        }
        String charset = type.parameter("charset");
        if (charset == null || BodyCharset.lookup(charset.strip().toLowerCase(Locale.ROOT)) == null) {
            String declared = BodyCharset.declaredInHtml(bytes);
            charset = declared != null ? declared : charset;
        }
        String html = BodyCharset.decode(bytes, charset);
        // The scripts are found by scanning the tags; the DOM is built only for HTML the scan does not understand.
        List<String> scripts = JsonLdScripts.mayHoldScripts(html) ? RawScripts.jsonLd(html) : List.of();
        Document document = null;
        if (scripts == null) {
            document = Jsoup.parse(html);
            scripts = JsonLdScripts.scripts(document);
        }
        found.structuredData.addAll(StructuredData.of(html, scripts));
        if (found.html == null) {
            found.html = html;
            found.htmlDocument = document;
        } else {
            found.attachments.add(new Attachment(filename, "text/html", bytes.length, inline, contentId(part)));
        }
    }

    /** Some senders label HTML as text/plain; a body that opens as an HTML document is read as one. */
    private static boolean looksLikeHtml(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\u00ef\u00bb\u00bf")) {
            start = start.substring(3);
        }
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private void calendar(Part part, HeaderValue type, @Nullable String filename, String mediaType, boolean inline,
            Found found) {
        byte[] bytes = read(part);
        if (bytes == null) {
            attachment(part, filename, mediaType, inline, found);
            return;
        }
        found.calendars.add(BodyCharset.decode(bytes, type.parameter("charset")));
        if (filename != null) {
            found.attachments.add(new Attachment(filename, mediaType, bytes.length, inline, contentId(part)));
        }
    }

    private void forwarded(Part part, @Nullable String filename, String mediaType, boolean inline, Found found,
            int depth) {
        try {
            MimeMessage inner = new MimeMessage(session, PartContent.open(part));
            found.forwarded.add(message(inner, depth + 1));
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            SourceLost.rethrowIfSourceFailure(unreadable);
            attachment(part, filename, mediaType, inline, found);
        }
    }

    private void attachment(Part part, @Nullable String filename, String mediaType, boolean inline, Found found) {
        long size;
        try {
            size = PartContent.count(PartContent.open(part));
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            SourceLost.rethrowIfSourceFailure(unreadable);
            size = 0;
        }
        found.attachments.add(new Attachment(filename, mediaType, size, inline, contentId(part)));
    }

    private byte @Nullable [] read(Part part) {
        try {
            return PartContent.readUpTo(PartContent.open(part), limits.maxBodyBytes());
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            SourceLost.rethrowIfSourceFailure(unreadable);
            return new byte[0];
        }
    }

    private static @Nullable String contentId(Part part) {
        return HeaderReader.messageId(header(part, "Content-ID"));
    }

    private static @Nullable String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException unreadable) {
            SourceLost.rethrowIfSourceFailure(unreadable);
            return null;
        }
    }
}
