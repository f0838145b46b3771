package io.mailsift.finding;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The message a finding was taken from, as little as explains it: raw mail is never stored.
 *
 * @param messageId    the {@code Message-ID} without angle brackets
 * @param messageDate  the {@code Date} header
 * @param senderDomain the sender's domain, lower case
 * @param folder       the IMAP folder
 * @param uid          the message's IMAP UID in that folder
 */
public record Provenance(
        @Nullable String messageId, @Nullable Instant messageDate, @Nullable String senderDomain,
        @Nullable String folder, @Nullable Long uid) {
}
