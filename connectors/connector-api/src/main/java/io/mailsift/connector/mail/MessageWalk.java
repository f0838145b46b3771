package io.mailsift.connector.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private final Session session;
    private final EmailParser.Limits limits;
    private int partsSeen;

    MessageWalk(Session session, EmailParser.Limits limits) {
        this.session = session;
        this.limits = limits;
    }

    Email message(MimeMessage message, int depth) throws MessagingException {
        EmailHeaders headers = HeaderReader.read(message);
        Found found = new Found();
        walk(message, found, depth);
        String text = found.text;
        if (text == null && found.htmlDocument != null) {
            text = HtmlText.of(found.htmlDocument);
        }
        return new Email(headers, text, found.html, found.attachments, found.calendars, found.structuredData,
                found.forwarded);
    }

    /** What the walk found below one part. */
    private static final class Found {
        @Nullable String text;
        @Nullable String html;
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

        if (mediaType.startsWith("multipart/")) {
            multipart(part, mediaType, type, found, depth);
        } else if ((mediaType.equals("message/rfc822") || mediaType.equals("message/global"))
                && depth < limits.maxForwardDepth()) {
            forwarded(part, filename, mediaType, inline, found, depth);
        } else if (mediaType.equals("text/calendar") || mediaType.equals("application/ics")
                || (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".ics"))) {
            calendar(part, type, filename, mediaType, inline, found);
        } else if ((mediaType.equals("text/plain") || mediaType.equals("text/html")) && !isAttachment
                && filename == null) {
            body(part, mediaType, type, inline, found);
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
            children.clear();
        }
        if (children.isEmpty()) {
            // no boundary found at all: what is there is most likely the text itself
            body(part, "text/plain", new HeaderValue("text/plain", Map.of()), false, found);
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

    private void body(Part part, String mediaType, HeaderValue type, boolean inline, Found found) {
        byte[] bytes = read(part);
        if (bytes == null) {
            attachment(part, null, mediaType, inline, found);
            return;
        }
        if (mediaType.equals("text/plain")) {
            if (found.text != null) {
                found.attachments.add(new Attachment(null, mediaType, bytes.length, inline, contentId(part)));
                return;
            }
            // one line-end convention, so that connectors can split lines without caring about the wire format
            found.text = BodyCharset.decode(bytes, type.parameter("charset")).replace("\r\n", "\n");
            return;
        }
        String charset = type.parameter("charset");
        if (charset == null || BodyCharset.lookup(charset.strip().toLowerCase(Locale.ROOT)) == null) {
            String declared = BodyCharset.declaredInHtml(bytes);
            charset = declared != null ? declared : charset;
        }
        String html = BodyCharset.decode(bytes, charset);
        Document document = Jsoup.parse(html);
        found.structuredData.addAll(StructuredData.of(html, document));
        if (found.html == null) {
            found.html = html;
            found.htmlDocument = document;
        } else {
            found.attachments.add(new Attachment(null, mediaType, bytes.length, inline, contentId(part)));
        }
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
            attachment(part, filename, mediaType, inline, found);
        }
    }

    private void attachment(Part part, @Nullable String filename, String mediaType, boolean inline, Found found) {
        long size;
        try {
            size = PartContent.count(PartContent.open(part));
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            size = 0;
        }
        found.attachments.add(new Attachment(filename, mediaType, size, inline, contentId(part)));
    }

    private byte @Nullable [] read(Part part) {
        try {
            return PartContent.readUpTo(PartContent.open(part), limits.maxBodyBytes());
        } catch (IOException | MessagingException | RuntimeException unreadable) {
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
            return null;
        }
    }
}
