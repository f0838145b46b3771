package io.mailsift.connector.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.mailsift.connector.Email;
import org.junit.jupiter.api.Test;

class FindingAssertionsTest {

    private static final Email BOOKING = EmlFixtures.resource("mails/flight-booking.eml");

    @Test
    void shouldPassForAWellBehavedConnector() {
        ConnectorRun run = ConnectorHarness.of(new SampleConnectors.Flights()).run(BOOKING);

        FindingAssertions.assertThat(run)
                .wasInterested()
                .hasFindingCount(1)
                .hasFindingOfType("FlightReservation")
                .hasFindingsOfType("FlightReservation", 1)
                .hasFindingWith("FlightReservation", "RXJ34P", "reservationNumber")
                .hasFindingWith("FlightReservation", "SFO", "reservationFor", "departureAirport", "iataCode")
                .hasUniqueKeys()
                .isDeterministic()
                .singleFindingOfType("FlightReservation")
                .containsEntry("@context", "https://schema.org")
                .containsEntry("airplaneSeat", "9A");
    }

    @Test
    void shouldFailWhenTheExpectedTypeIsMissing() {
        ConnectorRun run = ConnectorHarness.of(new SampleConnectors.Flights()).run(BOOKING);

        assertThatThrownBy(() -> FindingAssertions.assertThat(run).hasFindingOfType("LodgingReservation"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LodgingReservation")
                .hasMessageContaining("FlightReservation key=");
    }

    @Test
    void shouldFailWhenAValueDiffers() {
        ConnectorRun run = ConnectorHarness.of(new SampleConnectors.Flights()).run(BOOKING);

        assertThatThrownBy(() -> FindingAssertions.assertThat(run)
                .hasFindingWith("FlightReservation", "LH", "reservationFor", "airline", "iataCode"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("reservationFor.airline.iataCode");
    }

    @Test
    void shouldFailOnDuplicateKeys() {
        ConnectorRun run = ConnectorHarness.of(
                new SampleConnectors.Misbehaving("Order", Map.of("orderNumber", "1"), true, false)).run(BOOKING);

        assertThatThrownBy(() -> FindingAssertions.assertThat(run).hasUniqueKeys())
                .isInstanceOf(AssertionError.class).hasMessageContaining("appears twice");
    }

    @Test
    void shouldFailWhenKeysChangeBetweenRuns() {
        ConnectorRun run = ConnectorHarness.of(
                new SampleConnectors.Misbehaving("Order", Map.of("orderNumber", "1"), false, true)).run(BOOKING);

        assertThatThrownBy(() -> FindingAssertions.assertThat(run).isDeterministic())
                .isInstanceOf(AssertionError.class).hasMessageContaining("second run");
    }

    @Test
    void shouldTellInterestApart() {
        Email newsletter = FakeEmail.builder().from("news@newsletter.example").text("deals").build();
        ConnectorRun run = ConnectorHarness.of(new SampleConnectors.Flights()).run(newsletter);

        FindingAssertions.assertThat(run).wasNotInterested().hasNoFindings();
        assertThatThrownBy(() -> FindingAssertions.assertThat(run).wasInterested())
                .isInstanceOf(AssertionError.class);
    }
}
