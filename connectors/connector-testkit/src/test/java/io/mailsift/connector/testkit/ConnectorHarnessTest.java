package io.mailsift.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.Finding;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;
import org.junit.jupiter.api.Test;

class ConnectorHarnessTest {

    private static final Email BOOKING = EmlFixtures.resource("mails/flight-booking.eml");

    @Test
    void shouldRunAConnectorOverAnEmlFixture() {
        ConnectorRun run = ConnectorHarness.of(new SampleConnectors.Flights()).run(BOOKING);

        assertThat(run.interested()).isTrue();
        assertThat(run.findings()).singleElement()
                .satisfies(finding -> assertThat(finding.type()).isEqualTo("FlightReservation"));
    }

    @Test
    void shouldNotExtractWhenTheConnectorIsNotInterested() {
        Email newsletter = FakeEmail.builder().from("news@newsletter.example").subject("Deals")
                .jsonLd(Map.of("@type", "FlightReservation", "reservationNumber", "X")).build();

        ConnectorRun run = ConnectorHarness.of(new SampleConnectors.Flights()).run(newsletter);

        assertThat(run.interested()).isFalse();
        assertThat(run.findings()).isEmpty();
    }

    @Test
    void shouldGiveAHeadersOnlyConnectorNoBodies() {
        SampleConnectors.Senders senders = new SampleConnectors.Senders();

        ConnectorHarness.of(senders).run(BOOKING);

        assertThat(senders.lastSeen.headers()).isEqualTo(BOOKING.headers());
        assertThat(senders.lastSeen.text()).isNull();
        assertThat(senders.lastSeen.html()).isNull();
        assertThat(senders.lastSeen.structuredData()).isEmpty();
    }

    @Test
    void shouldRejectAFindingOfAnUndeclaredType() {
        ConnectorHarness harness = ConnectorHarness.of(SampleConnectors.Misbehaving.emitting("Invoice", Map.of()));

        assertThatThrownBy(() -> harness.run(BOOKING)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("type 'Invoice'").hasMessageContaining("Order");
    }

    @Test
    void shouldRejectFindingDataThatIsNotJson() {
        ConnectorHarness harness = ConnectorHarness.of(
                SampleConnectors.Misbehaving.emitting("Order", Map.of("orderDate", java.time.LocalDate.of(2027, 1, 1))));

        assertThatThrownBy(() -> harness.run(BOOKING)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Order.orderDate").hasMessageContaining("java.time.LocalDate");
    }

    @Test
    void shouldRejectNumbersJsonCannotHold() {
        ConnectorHarness harness = ConnectorHarness.of(
                SampleConnectors.Misbehaving.emitting("Order", Map.of("price", Double.NaN)));

        assertThatThrownBy(() -> harness.run(BOOKING)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void shouldRejectANullResult() {
        Connector nullReturning = new Connector() {
            @Override
            public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("nulls", "1", SpiVersion.CURRENT, Set.of("Order"), ReadScope.BODIES,
                        "Returns null.");
            }

            @Override
            public List<Finding> extract(Email email) {
                return null;
            }
        };

        assertThatThrownBy(() -> ConnectorHarness.of(nullReturning).run(BOOKING))
                .isInstanceOf(AssertionError.class).hasMessageContaining("null");
    }

    @Test
    void shouldRejectADescriptorForANewerSpi() {
        Connector fromTheFuture = new SampleConnectors.Flights() {
            @Override
            public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("future", "1", new SpiVersion(SpiVersion.CURRENT.major(),
                        SpiVersion.CURRENT.minor() + 1), Set.of("FlightReservation"), ReadScope.BODIES, "Future.");
            }
        };

        assertThatThrownBy(() -> ConnectorHarness.of(fromTheFuture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("needs SPI");
    }

    @Test
    void shouldFailARunOverTheTimeBudget() {
        Connector slow = new SampleConnectors.Flights() {
            @Override
            public List<Finding> extract(Email email) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };

        assertThatThrownBy(() -> ConnectorHarness.of(slow).withTimeBudget(Duration.ofMillis(1)).run(BOOKING))
                .isInstanceOf(AssertionError.class).hasMessageContaining("over the budget");
    }

    @Test
    void shouldRunOverEveryEmlFileOfADirectory() throws Exception {
        var directory = java.nio.file.Path.of(
                ConnectorHarnessTest.class.getResource("/mails/flight-booking.eml").toURI()).getParent();

        List<ConnectorRun> runs = ConnectorHarness.of(new SampleConnectors.Flights())
                .runAll(EmlFixtures.list(directory).stream().map(EmlFixtures::load).toList());

        assertThat(runs).singleElement().satisfies(run -> assertThat(run.findings()).hasSize(1));
    }

    @Test
    void shouldNameTheConnectorAndMessageWhenExtractThrows() {
        Connector throwing = new SampleConnectors.Flights() {
            @Override
            public List<Finding> extract(Email email) {
                throw new IllegalStateException("no airline");
            }
        };

        assertThatThrownBy(() -> ConnectorHarness.of(throwing).run(BOOKING)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'flights'").hasMessageContaining("Your Flight Booking")
                .hasMessageContaining("no airline").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldFindAConnectorListedForTheServiceLoader() {
        ConnectorHarness harness = ConnectorHarness.discover(SampleConnectors.Flights.class);

        assertThat(harness.descriptor().id()).isEqualTo("flights");
    }

    @Test
    void shouldFailForAConnectorNotListedForTheServiceLoader() {
        assertThatThrownBy(() -> ConnectorHarness.discover(SampleConnectors.Senders.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("META-INF/services")
                .hasMessageContaining("SampleConnectors$Flights");
    }
}
