package io.mailsift.connector.testkit;

import java.time.Duration;
import java.util.List;

import io.mailsift.connector.Email;
import io.mailsift.connector.Finding;

/**
 * The outcome of running a connector over one email through the {@link ConnectorHarness}: whether it was
 * interested, and its findings, already checked against the SPI contract.
 */
public final class ConnectorRun {

    private final ConnectorHarness harness;
    private final Email email;
    private final boolean interested;
    private final List<Finding> findings;
    private final Duration elapsed;

    ConnectorRun(ConnectorHarness harness, Email email, boolean interested, List<Finding> findings,
            Duration elapsed) {
        this.harness = harness;
        this.email = email;
        this.interested = interested;
        this.findings = findings;
        this.elapsed = elapsed;
    }

    /** The email the connector was run over (before any headers-only reduction). */
    public Email email() {
        return email;
    }

    /** Whether {@code interestedIn} accepted the email's headers. */
    public boolean interested() {
        return interested;
    }

    /** The findings, in the order the connector returned them; empty when it was not interested. */
    public List<Finding> findings() {
        return findings;
    }

    /** How long the prefilter and extraction took. */
    public Duration elapsed() {
        return elapsed;
    }

    /** The findings of one type. */
    public List<Finding> findingsOfType(String type) {
        return findings.stream().filter(finding -> finding.type().equals(type)).toList();
    }

    /** Runs the same connector over the same email again, as the platform does when it re-processes a message. */
    public ConnectorRun rerun() {
        return harness.run(email);
    }

    @Override
    public String toString() {
        return "ConnectorRun[" + harness.descriptor().id() + " on '" + email.headers().subject() + "': "
                + (interested ? findings.size() + " findings" : "not interested") + "]";
    }
}
