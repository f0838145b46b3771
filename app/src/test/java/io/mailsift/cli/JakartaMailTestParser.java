package io.mailsift.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.mail.MalformedEmailException;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A bare parser for single-part test messages, so the scan tests exercise the command (sources, connectors, output)
 * and not the real {@code EmailParser}, which has its own corpus tests. Refuses input with neither From nor Subject.
 */
final class JakartaMailTestParser implements ScanCommand.MessageParser {

    @Override
    public Email parse(byte[] raw) throws MalformedEmailException {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                fields.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
            }
            if (message.getHeader("From") == null && message.getHeader("Subject") == null) {
                throw new MalformedEmailException("no header", null);
            }
            String from = message.getFrom() == null ? null : ((InternetAddress) message.getFrom()[0]).getAddress();
            Instant date = message.getSentDate() == null ? null : message.getSentDate().toInstant();
            String subject = message.getSubject() == null ? "" : message.getSubject();
            Object content = message.getContent();
            EmailHeaders headers = new EmailHeaders(message.getMessageID(), subject, from, null, List.of(), date,
                    fields);
            return new Email(headers, content instanceof String text ? text : null, null, List.of(), List.of(),
                    List.of(), List.of());
        } catch (MessagingException | IOException e) {
            throw new MalformedEmailException("unreadable: " + e.getMessage(), e);
        }
    }
}
