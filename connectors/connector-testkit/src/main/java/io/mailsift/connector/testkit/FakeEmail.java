package io.mailsift.connector.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.mailsift.connector.Attachment;
import io.mailsift.connector.Email;
import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds an {@link Email} in code, the way Apache James' {@code FakeMail} does for mailets.
 *
 * <p>The builder writes a real MIME message and parses it with the platform's parser, so what a connector gets is
 * exactly what it would get in production: HTML-only mails get their text, JSON-LD and microdata in the HTML become
 * {@link Email#structuredData()}, {@code @type} IRIs are normalized, calendars appear in {@link Email#calendars()}.
 *
 * <pre>{@code
 * Email email = FakeEmail.builder()
 *         .from("Lufthansa", "noreply@lufthansa.com")
 *         .subject("Your booking ABC123")
 *         .jsonLd(Map.of("@type", "FlightReservation", "reservationNumber", "ABC123"))
 *         .build();
 * }</pre>
 */
public final class FakeEmail {

    private FakeEmail() {
    }

    /** A builder with no headers and no body. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a fake email. Not thread-safe. */
    public static final class Builder {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private @Nullable InternetAddress from;
        private final List<InternetAddress> to = new ArrayList<>();
        private @Nullable String subject;
        private @Nullable Instant date;
        private @Nullable String messageId;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private @Nullable String text;
        private @Nullable String html;
        private final List<String> scripts = new ArrayList<>();
        private final List<String> calendars = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<byte[]> forwarded = new ArrayList<>();

        private Builder() {
        }

        /** The sender's address. */
        public Builder from(String address) {
            this.from = address(address, null);
            return this;
        }

        /** The sender's display name and address. */
        public Builder from(String name, String address) {
            this.from = address(address, name);
            return this;
        }

        /** Adds recipients. */
        public Builder to(String... addresses) {
            for (String address : addresses) {
                to.add(address(address, null));
            }
            return this;
        }

        /** The subject (any characters; encoded as RFC 2047 where needed). */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The {@code Date} header; absent unless set, so that builds are repeatable. */
        public Builder date(Instant date) {
            this.date = date;
            return this;
        }

        /** The {@code Message-ID}, without angle brackets; absent unless set. */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /** Adds any other header field. */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** The plain-text body. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** The HTML body; its markup (JSON-LD, microdata) becomes structured data as in production. */
        public Builder html(String html) {
            this.html = html;
            return this;
        }

        /** Adds a JSON-LD object (maps, lists, strings, numbers, booleans) to the HTML body as a script. */
        public Builder jsonLd(Map<String, ?> object) {
            return jsonLd(JSON.writeValueAsString(object));
        }

        /** Adds a JSON-LD script as written, broken or not, to the HTML body. */
        public Builder jsonLd(String script) {
            scripts.add(script);
            return this;
        }

        /** Adds an iCalendar attachment ({@code text/calendar}). */
        public Builder calendar(String ics) {
            calendars.add(ics);
            return this;
        }

        /** Adds the metadata of an attachment; its content is never needed by connectors. */
        public Builder attachment(String filename, String contentType, long size) {
            attachments.add(new Attachment(filename, contentType, size, false, null));
            return this;
        }

        /** Adds a forwarded message ({@code message/rfc822}). */
        public Builder forwarded(Builder message) {
            forwarded.add(message.toRfc822());
            return this;
        }

        /** Adds a forwarded message from raw bytes, e.g. an {@code .eml} file's content. */
        public Builder forwarded(byte[] rfc822) {
            forwarded.add(rfc822.clone());
            return this;
        }

        /** The parsed email, as a connector would receive it. */
        public Email build() {
            Email parsed = EmlFixtures.parse(toRfc822());
            if (attachments.isEmpty()) {
                return parsed;
            }
            List<Attachment> all = new ArrayList<>(parsed.attachments());
            all.addAll(attachments);
            return new Email(parsed.headers(), parsed.text(), parsed.html(), all, parsed.calendars(),
                    parsed.structuredData(), parsed.forwarded());
        }

        /** The raw message this builder describes (attachments added by metadata are not in it). */
        public byte[] toRfc822() {
            try {
                Session session = Session.getInstance(new Properties());
                MimeMessage message = new RepeatableMessage(session);
                if (from != null) {
                    message.setFrom(from);
                }
                for (InternetAddress recipient : to) {
                    message.addRecipient(MimeMessage.RecipientType.TO, recipient);
                }
                if (subject != null) {
                    message.setSubject(subject, "UTF-8");
                }
                if (date != null) {
                    message.setSentDate(Date.from(date));
                }
                for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                    for (String value : header.getValue()) {
                        message.addHeader(header.getKey(), value);
                    }
                }
                String htmlBody = htmlWithScripts();
                List<BodyPart> parts = new ArrayList<>();
                boolean onlyOneBody = calendars.isEmpty() && forwarded.isEmpty()
                        && (text == null || htmlBody == null);
                if (onlyOneBody) {
                    if (htmlBody != null) {
                        message.setText(htmlBody, "UTF-8", "html");
                    } else {
                        message.setText(text == null ? "" : text, "UTF-8", "plain");
                    }
                } else {
                    parts.addAll(bodies(htmlBody));
                    for (String ics : calendars) {
                        MimeBodyPart part = new MimeBodyPart();
                        part.setText(ics, "UTF-8", "calendar");
                        part.setFileName("invite-" + (parts.size() + 1) + ".ics");
                        parts.add(part);
                    }
                    for (byte[] inner : forwarded) {
                        MimeBodyPart part = new MimeBodyPart();
                        part.setDataHandler(new DataHandler(new ByteArrayDataSource(inner, "message/rfc822")));
                        part.setHeader("Content-Type", "message/rfc822");
                        parts.add(part);
                    }
                    message.setContent(new RepeatableMultipart("mixed", parts, contentHash()));
                }
                message.saveChanges();
                if (date == null) {
                    // Jakarta Mail stamps the current time; a fake message stays repeatable without it
                    message.removeHeader("Date");
                }
                if (messageId != null) {
                    message.setHeader("Message-ID", "<" + messageId + ">");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                return out.toByteArray();
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot build the fake message: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text and HTML bodies: one part, or a {@code multipart/alternative} holding both. */
        private List<BodyPart> bodies(@Nullable String htmlBody) throws MessagingException {
            List<BodyPart> parts = new ArrayList<>();
            MimeBodyPart textPart = null;
            MimeBodyPart htmlPart = null;
            if (text != null) {
                textPart = new MimeBodyPart();
                textPart.setText(text, "UTF-8", "plain");
            }
            if (htmlBody != null) {
                htmlPart = new MimeBodyPart();
                htmlPart.setText(htmlBody, "UTF-8", "html");
            }
            if (textPart != null && htmlPart != null) {
                MimeBodyPart alternative = new MimeBodyPart();
                alternative.setContent(new RepeatableMultipart("alternative", List.of(textPart, htmlPart),
                        contentHash()));
                parts.add(alternative);
            } else if (textPart != null) {
                parts.add(textPart);
            } else if (htmlPart != null) {
                parts.add(htmlPart);
            }
            return parts;
        }

        private int contentHash() {
            int hash = Objects.hash(text, html, scripts, calendars);
            for (byte[] inner : forwarded) {
                hash = 31 * hash + Arrays.hashCode(inner);
            }
            return hash;
        }

        private @Nullable String htmlWithScripts() {
            if (scripts.isEmpty()) {
                return html;
            }
            StringBuilder markup = new StringBuilder();
            for (String script : scripts) {
                markup.append("<script type=\"application/ld+json\">").append(script).append("</script>\n");
            }
            if (html == null) {
                return "<html><head>" + markup + "</head><body></body></html>";
            }
            int head = html.toLowerCase(Locale.ROOT).indexOf("</head>");
            return head < 0 ? markup + html : html.substring(0, head) + markup + html.substring(head);
        }

        private static InternetAddress address(String address, @Nullable String name) {
            Objects.requireNonNull(address, "address");
            try {
                InternetAddress parsed = new InternetAddress(address, false);
                if (name != null) {
                    parsed.setPersonal(name, StandardCharsets.UTF_8.name());
                }
                return parsed;
            } catch (MessagingException | java.io.UnsupportedEncodingException e) {
                throw new IllegalArgumentException("not an e-mail address: " + address, e);
            }
        }
    }

    /** A multipart with a boundary derived from its subtype, not random, so that builds are repeatable. */
    private static final class RepeatableMultipart extends MimeMultipart {

        RepeatableMultipart(String subtype, List<? extends BodyPart> parts, int salt) throws MessagingException {
            super(subtype);
            ContentType type = new ContentType("multipart", subtype, null);
            // the salt comes from the content, so a forwarded fake message never shares its parent's boundary
            type.setParameter("boundary", "=_mailsift_testkit_" + subtype + "_" + Integer.toHexString(salt));
            contentType = type.toString();
            for (BodyPart part : parts) {
                addBodyPart(part);
            }
        }
    }

    /** A message that does not invent a Message-ID, so that two builds of the same builder are equal. */
    private static final class RepeatableMessage extends MimeMessage {

        RepeatableMessage(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() {
            // the builder sets a Message-ID only when asked to
        }
    }
}
