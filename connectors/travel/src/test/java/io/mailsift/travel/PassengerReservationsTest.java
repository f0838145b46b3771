package io.mailsift.travel;

import static io.mailsift.travel.Mails.withMarkup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;

/**
 * One reservation per passenger and leg (schema.org's convention), with a key that stays today's for a booking of
 * one passenger and names the passenger only when a leg has several.
 */
class PassengerReservationsTest {

    private final TravelConnector connector = new TravelConnector();

    @Test
    void shouldKeepEachPassengersMarkupReservationOfTheSameLegAsItsOwnFinding() {
        List<Finding> findings = connector.extract(withMarkup(
                "[" + leg("Anna Meyer", null) + "," + leg("Ben Meyer", null) + "]"));

        assertThat(findings).extracting(f -> JsonLd.nameOf(f.data(), "underName").orElseThrow())
                .containsExactly("Anna Meyer", "Ben Meyer");
        assertThat(findings).extracting(Finding::key).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepTodaysKeyForABookingOfOnePassenger() {
        // keys the scan command printed for these mails with main's code before passengers were told apart (c36ba33)
        assertThat(connector.extract(Mails.parsed("mails/markup-one-passenger.eml"))).extracting(Finding::key)
                .containsExactly("49cda4aaae27c10b44c5db7ea5f462f5");
        assertThat(connector.extract(Mails.parsed("mails/dev/flight-airport-names-en.eml"))).extracting(Finding::key)
                .containsExactly("215520875b46aea959abe272aa6162c9", "70497f1efb13e799fc8b46e43eff92e8");
        assertThat(key("[" + leg("Anna Meyer", null) + "," + leg("Ben Meyer", null) + "]"))
                .as("documented edge: a later mail naming one of two passengers updates another key")
                .isNotEqualTo(key(leg("Anna Meyer", null)));
    }

    @Test
    void shouldNameEveryPassengersLegAndALaterUnnamedMailsLegWithTheSameId() {
        List<Object> ids = connector.extract(withMarkup("[" + leg("Anna Meyer", null) + ","
                + leg("Ben Meyer", null) + "]")).stream()
                .map(f -> JsonLd.object(f.data(), "reservationFor").orElseThrow().get("@id")).toList();
        String unnamed = connector.extract(withMarkup(leg(null, null))).getFirst().key();

        assertThat(ids).containsOnly("urn:mailsift:leg:" + unnamed);
    }

    @Test
    void shouldDropACopyNamingNobodyOfALegOfSeveralPassengers() {
        assertThat(connector.extract(withMarkup("[" + leg("Anna Meyer", null) + "," + leg("Ben Meyer", null) + ","
                + leg(null, null) + "]"))).hasSize(2);
    }

    @Test
    void shouldReadOnePersonInGluedTitlesAndLeftOutMiddleNamesOnce() {
        assertThat(Passengers.normalized("DOE/JOHNMR")).isEqualTo("doe john");
        assertThat(connector.extract(withMarkup("[" + leg("John A. Smith", null) + "," + leg("John Smith", null)
                + "]"))).hasSize(1);
        assertThat(Passengers.samePerson(Passengers.normalized("SMITH/JOHNALEXANDER"),
                Passengers.normalized("John Alexander Smith"))).isTrue();
        assertThat(Passengers.samePerson("anna meyer", "ben meyer")).isFalse();
    }

    @Test
    void shouldCountTheSamePassengerMarkedUpTwiceInAnotherSpellingOnce() {
        List<Finding> findings = connector.extract(withMarkup(
                "[" + leg("MEYER/ANNA MRS", null) + "," + leg("Anna  Méyer", null) + "]"));

        assertThat(findings).hasSize(1);
        assertThat(findings.getFirst().key()).isEqualTo(key(leg(null, null)));
    }

    @Test
    void shouldGiveACancellationNamingEveryPassengerTheKeysOfTheirReservations() {
        String cancelled = "https://schema.org/ReservationCancelled";
        List<String> booked = connector.extract(withMarkup("[" + leg("Anna Meyer", null) + ","
                + leg("Ben Meyer", null) + "]")).stream().map(Finding::key).toList();
        List<String> cancelling = connector.extract(withMarkup("[" + leg("Ben Meyer", cancelled) + ","
                + leg("Anna Meyer", cancelled) + "]")).stream().map(Finding::key).toList();

        assertThat(cancelling).containsExactlyInAnyOrderElementsOf(booked);
    }

    @Test
    void shouldNormalizeCaseAccentsSpacingTitlesAndTheGdsOrderOfAName() {
        assertThat(List.of("SMITH/JOHN MR", "Mr. John  Smith", "john smith", "Jöhn SMITH", "Smith, John"))
                .extracting(Passengers::normalized).containsOnly("john smith");
    }

    @Test
    void shouldTakeOnlyPersonsNamesForPassengers() {
        assertThat(Passengers.named(List.of("Passenger 1: Anna Meyer", "Passenger 2: 2 Adults"))).isEmpty();
        assertThat(Passengers.named(List.of("Passengers", "Economy Class", "Gold Member"))).isEmpty();
        assertThat(Passengers.named(List.of("Name: Anna Meyer", "Name: Meyer Travel Agency"))).isEmpty();
        assertThat(Passengers.named(List.of("Passenger: Anna Meyer", "Passenger: Meyer Travel Agency"))).isEmpty();
        assertThat(Passengers.named(List.of("Passengers", "Anna Meyer", "Frankfurt Airport", "Terminal 2"))).isEmpty();
        assertThat(Passengers.named(List.of("Passenger: Anna Meyer", "Passenger: Anna Meyer"))).isEmpty();
        assertThat(Passengers.named(List.of("Passengers", "Mrs Anna Meyer", "Mr Ben Meyer (Adult)", "Total: EUR 20")))
                .extracting(Passengers.Passenger::name).containsExactly("Mrs Anna Meyer", "Mr Ben Meyer");
    }

    @Test
    void shouldGiveAStayOneReservationWhateverTheNumberOfGuests() {
        List<java.util.Map<String, Object>> stay = new java.util.ArrayList<>(List.of(new java.util.LinkedHashMap<>(
                java.util.Map.of("@type", "LodgingReservation"))));
        List<Passengers.Passenger> two = Passengers.named(List.of("Passenger 1: Anna Meyer",
                "Passenger 2: Ben Meyer"));

        assertThat(Passengers.eachOnOwnReservation(stay, two)).hasSize(1);
    }

    private String key(String markup) {
        return connector.extract(withMarkup(markup)).getLast().key();
    }

    private static String leg(String passenger, String status) {
        return """
                {"@type": "FlightReservation", "reservationNumber": "LX7Q2M", %s %s
                 "reservationFor": {"@type": "Flight", "flightNumber": "571",
                   "airline": {"@type": "Airline", "iataCode": "TP"},
                   "departureAirport": {"@type": "Airport", "iataCode": "FRA"},
                   "arrivalAirport": {"@type": "Airport", "iataCode": "LIS"},
                   "departureTime": "2027-05-02T07:00:00+02:00"}}
                """.formatted(passenger == null ? "" : "\"underName\": {\"@type\": \"Person\", \"name\": \""
                + passenger + "\"},", status == null ? "" : "\"reservationStatus\": \"" + status + "\",");
    }
}
