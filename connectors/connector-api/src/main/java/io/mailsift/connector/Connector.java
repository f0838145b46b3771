package io.mailsift.connector;

import java.util.List;

/**
 * A mailbox-scanning plugin: turns one parsed email into schema.org findings.
 *
 * <p>Lifecycle: the platform creates one instance through its public no-argument constructor (as
 * {@link java.util.ServiceLoader} requires), reads {@link #descriptor()} once, and then calls
 * {@link #interestedIn(EmailHeaders)} and {@link #extract(Email)} from many threads at once.
 *
 * <p>Contract for {@link #extract(Email)}: pure and deterministic. The same email must always give the same findings
 * with the same keys, so that re-processing a message is an upsert and never a duplicate. An exception or a run over
 * the platform's time budget is recorded against the message and the connector; it never blocks the mailbox.
 */
public interface Connector {

    /** What this connector is, what it emits and what it reads. Called once; must not change. */
    ConnectorDescriptor descriptor();

    /**
     * A cheap prefilter on headers only, so that bodies are fetched only for messages some connector wants.
     * Defaults to {@code true}: every message is offered to {@link #extract(Email)}.
     */
    default boolean interestedIn(EmailHeaders headers) {
        return true;
    }

    /**
     * Extracts findings from one email. Returns an empty list when the email holds nothing of interest.
     *
     * @param email the parsed, read-only message; for {@link ReadScope#HEADERS} connectors the bodies are empty
     * @return findings, each with a deterministic key; never {@code null}
     */
    List<Finding> extract(Email email);
}
