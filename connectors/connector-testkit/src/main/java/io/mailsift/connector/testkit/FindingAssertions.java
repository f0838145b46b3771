package io.mailsift.connector.testkit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;

/**
 * AssertJ assertions on a {@link ConnectorRun}.
 *
 * <pre>{@code
 * FindingAssertions.assertThat(harness.run(email))
 *         .hasFindingOfType("FlightReservation")
 *         .hasFindingWith("FlightReservation", "RXJ34P", "reservationNumber")
 *         .hasUniqueKeys()
 *         .isDeterministic();
 * }</pre>
 */
public final class FindingAssertions extends AbstractAssert<FindingAssertions, ConnectorRun> {

    private FindingAssertions(ConnectorRun run) {
        super(run, FindingAssertions.class);
    }

    /** Starts assertions on a run. */
    public static FindingAssertions assertThat(ConnectorRun run) {
        return new FindingAssertions(run);
    }

    /** The connector's prefilter accepted the email. */
    public FindingAssertions wasInterested() {
        isNotNull();
        if (!actual.interested()) {
            failWithMessage("Expected the connector to be interested in <%s> but interestedIn() returned false",
                    actual.email().headers().subject());
        }
        return this;
    }

    /** The connector's prefilter rejected the email. */
    public FindingAssertions wasNotInterested() {
        isNotNull();
        if (actual.interested()) {
            failWithMessage("Expected the connector not to be interested in <%s> but interestedIn() returned true",
                    actual.email().headers().subject());
        }
        return this;
    }

    /** No findings at all. */
    public FindingAssertions hasNoFindings() {
        isNotNull();
        if (!actual.findings().isEmpty()) {
            failWithMessage("Expected no findings but got %s", describe(actual.findings()));
        }
        return this;
    }

    /** Exactly this many findings. */
    public FindingAssertions hasFindingCount(int count) {
        isNotNull();
        if (actual.findings().size() != count) {
            failWithMessage("Expected %s findings but got %s: %s", count, actual.findings().size(),
                    describe(actual.findings()));
        }
        return this;
    }

    /** At least one finding of the schema.org type. */
    public FindingAssertions hasFindingOfType(String type) {
        isNotNull();
        if (actual.findingsOfType(type).isEmpty()) {
            failWithMessage("Expected a finding of type <%s> but got %s", type, describe(actual.findings()));
        }
        return this;
    }

    /** Exactly this many findings of the type. */
    public FindingAssertions hasFindingsOfType(String type, int count) {
        isNotNull();
        int found = actual.findingsOfType(type).size();
        if (found != count) {
            failWithMessage("Expected %s findings of type <%s> but got %s: %s", count, type, found,
                    describe(actual.findings()));
        }
        return this;
    }

    /**
     * A finding of the type whose text at the property path (see {@link JsonLd#text}) equals the value, e.g.
     * {@code hasFindingWith("FlightReservation", "LH", "reservationFor", "airline", "iataCode")}.
     */
    public FindingAssertions hasFindingWith(String type, String value, String... path) {
        isNotNull();
        boolean found = actual.findingsOfType(type).stream()
                .anyMatch(finding -> JsonLd.text(finding.data(), path).filter(value::equals).isPresent());
        if (!found) {
            failWithMessage("Expected a finding of type <%s> with %s = <%s> but got %s", type,
                    String.join(".", path), value, describe(actual.findingsOfType(type)));
        }
        return this;
    }

    /** No two findings share a key (they would overwrite each other when stored). */
    public FindingAssertions hasUniqueKeys() {
        isNotNull();
        Set<String> seen = new HashSet<>();
        for (Finding finding : actual.findings()) {
            if (!seen.add(finding.type() + "/" + finding.key())) {
                failWithMessage("Expected unique finding keys but key <%s> of type <%s> appears twice in %s",
                        finding.key(), finding.type(), describe(actual.findings()));
            }
        }
        return this;
    }

    /** A second run over the same email gives equal findings with equal keys, in the same order. */
    public FindingAssertions isDeterministic() {
        isNotNull();
        ConnectorRun again = actual.rerun();
        List<Finding> first = actual.findings();
        List<Finding> second = again.findings();
        if (!Objects.equals(first, second)) {
            failWithMessage("Expected the same findings on a second run over the same email but got%n  %s%nthen%n  %s",
                    describe(first), describe(second));
        }
        return this;
    }

    /** Switches to AssertJ map assertions on the data of the single finding of the type. */
    public MapAssert<String, Object> singleFindingOfType(String type) {
        isNotNull();
        List<Finding> findings = actual.findingsOfType(type);
        if (findings.size() != 1) {
            failWithMessage("Expected exactly one finding of type <%s> but got %s", type, describe(findings));
        }
        Map<String, Object> data = findings.getFirst().data();
        return Assertions.assertThat(data);
    }

    private static String describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no findings";
        }
        StringBuilder text = new StringBuilder("[");
        for (Finding finding : findings) {
            text.append("\n    ").append(finding.type()).append(" key=").append(finding.key()).append(' ')
                    .append(finding.data());
        }
        return text.append("\n  ]").toString();
    }
}
