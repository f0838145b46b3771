package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;

class MailsWithoutMarkupTest {

    private final TravelConnector connector = new TravelConnector();

    private List<Finding> found(String mail) {
        List<Finding> findings = connector.extract(Mails.parsed("mails/" + mail));
        if (Boolean.getBoolean("travel.print")) {
            findings.forEach(f -> System.out.println(mail + " " + Mails.JSON.writeValueAsString(f.data())));
        }
        return findings;
    }

    private static String text(Finding finding, String... path) {
        return JsonLd.text(finding.data(), path).orElse("");
    }

    @Test
    void anAirlineNameWrappedOntoTheNumbersLineDoesNotStopTheMailsReading() {
        // A 72-column plain-text wrap puts "Air" and "France 1234" on two lines: the name is read across the break.
        String raw = """
                From: Bookings <noreply@example.com>
                Subject: Your booking QX7T2M
                Date: Mon, 1 Feb 2027 09:00:00 +0000
                Content-Type: text/plain; charset=utf-8

                Thank you for booking your flight with Air
                France 1234 on 12 March 2027 at 10:15.
                Booking reference: QX7T2M
                """.replace("\n", "\r\n");

        assertThatCode(() -> new TravelConnector().extract(Mails.parsedBytes(raw.getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
    }

    @Test
    void readsEveryLegOfAPlainTextItineraryWithLocalTimes() {
        List<Finding> legs = found("flight-text-en.eml");

        assertThat(legs).hasSize(2);
        assertThat(legs).allSatisfy(leg -> {
            assertThat(leg.type()).isEqualTo("FlightReservation");
            assertThat(text(leg, "reservationNumber")).isEqualTo("QX7T2M");
            assertThat(text(leg, "underName", "name")).isEqualTo("Ann Lee");
        });
        assertThat(text(legs.get(0), "reservationFor", "airline", "iataCode")).isEqualTo("LH");
        assertThat(text(legs.get(0), "reservationFor", "flightNumber")).isEqualTo("400");
        assertThat(text(legs.get(0), "reservationFor", "departureAirport", "iataCode")).isEqualTo("FRA");
        assertThat(text(legs.get(0), "reservationFor", "arrivalAirport", "iataCode")).isEqualTo("JFK");
        assertThat(text(legs.get(0), "reservationFor", "departureTime")).isEqualTo("2027-03-04T10:15:00+01:00");
        assertThat(text(legs.get(0), "reservationFor", "arrivalTime")).isEqualTo("2027-03-04T12:55:00-05:00");
        assertThat(text(legs.get(1), "reservationFor", "departureTime")).isEqualTo("2027-03-14T17:40:00-04:00");
        assertThat(text(legs.get(1), "reservationFor", "arrivalTime")).isEqualTo("2027-03-15T07:30:00+01:00");
        assertThat(text(legs.get(1), "reservationFor", "arrivalAirport", "address", "addressLocality"))
                .isEqualTo("Frankfurt");
    }

    @Test
    void readsFlightsFromAnHtmlTableWithAHeaderRow() {
        List<Finding> legs = found("flight-html-de.eml");

        assertThat(legs).extracting(leg -> text(leg, "reservationFor", "flightNumber")).containsExactly("9462", "9463");
        assertThat(legs).allSatisfy(leg -> assertThat(text(leg, "reservationNumber")).isEqualTo("8HJ3LK"));
        assertThat(text(legs.get(0), "reservationFor", "departureAirport", "iataCode")).isEqualTo("HAM");
        assertThat(text(legs.get(0), "reservationFor", "arrivalAirport", "iataCode")).isEqualTo("PMI");
        assertThat(text(legs.get(0), "reservationFor", "departureTime")).isEqualTo("2027-04-02T06:05:00+02:00");
        assertThat(text(legs.get(1), "reservationFor", "departureTime")).isEqualTo("2027-04-09T09:30:00+02:00");
    }

    @Test
    void aCancellationUpdatesTheSameFindingsAndMarksThemCancelled() {
        List<Finding> booked = found("flight-text-en.eml");
        List<Finding> cancelled = found("flight-cancelled-en.eml");

        assertThat(cancelled).extracting(Finding::key).containsExactlyElementsOf(
                booked.stream().map(Finding::key).toList());
        assertThat(cancelled).allSatisfy(leg -> assertThat(text(leg, "reservationStatus"))
                .isEqualTo("https://schema.org/ReservationCancelled"));
    }

    @Test
    void readsAFrenchHotelStayByItsLabels() {
        List<Finding> stays = found("hotel-fr.eml");

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(stay.type()).isEqualTo("LodgingReservation");
            assertThat(text(stay, "reservationNumber")).isEqualTo("88412093");
            assertThat(text(stay, "reservationFor", "name")).isEqualTo("Hôtel Les Tilleuls");
            assertThat(text(stay, "checkinTime")).isEqualTo("2027-03-08");
            assertThat(text(stay, "checkoutTime")).isEqualTo("2027-03-11");
        });
    }

    @Test
    void readsASpanishTrainTicket() {
        List<Finding> trips = found("train-es.eml");

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.type()).isEqualTo("TrainReservation");
            assertThat(text(trip, "reservationNumber")).isEqualTo("M4K2PQ");
            assertThat(text(trip, "reservationFor", "trainNumber")).isEqualTo("AVE 3071");
            assertThat(text(trip, "reservationFor", "departureStation", "name")).isEqualTo("Madrid-Puerta de Atocha");
            assertThat(text(trip, "reservationFor", "arrivalStation", "name")).isEqualTo("Barcelona-Sants");
            assertThat(text(trip, "reservationFor", "departureTime")).startsWith("2027-03-12T08:30");
        });
    }

    @Test
    void readsAGermanCarRentalWithPickupAndReturn() {
        List<Finding> rentals = found("car-de.eml");

        assertThat(rentals).singleElement().satisfies(rental -> {
            assertThat(rental.type()).isEqualTo("RentalCarReservation");
            assertThat(text(rental, "reservationNumber")).isEqualTo("MK-559210");
            assertThat(text(rental, "pickupTime")).startsWith("2027-04-02T09:00");
            assertThat(text(rental, "dropoffTime")).startsWith("2027-04-09T07:30");
            assertThat(text(rental, "pickupLocation", "name")).contains("Palma de Mallorca");
        });
    }

    @Test
    void mapsCalendarEventsToAFlightInLocalTimeAndAHotelStay() {
        List<Finding> found = found("calendar-flight.eml");

        assertThat(found).extracting(Finding::type).containsExactly("FlightReservation", "LodgingReservation");
        Finding flight = found.get(0);
        assertThat(text(flight, "reservationNumber")).isEqualTo("K7PL2Q");
        assertThat(text(flight, "reservationFor", "departureAirport", "iataCode")).isEqualTo("CDG");
        assertThat(text(flight, "reservationFor", "arrivalAirport", "iataCode")).isEqualTo("ATH");
        assertThat(text(flight, "reservationFor", "departureTime")).isEqualTo("2027-03-05T07:10:00+01:00");
        assertThat(text(flight, "reservationFor", "arrivalTime")).isEqualTo("2027-03-05T09:25:00+02:00");
        Finding stay = found.get(1);
        assertThat(text(stay, "reservationFor", "name")).isEqualTo("Hotel Akropolis View");
        assertThat(text(stay, "checkinTime")).isEqualTo("2027-03-05");
        assertThat(text(stay, "checkoutTime")).isEqualTo("2027-03-08");
    }

    @Test
    void readsAForwardedTrainTicketWithoutTakingTheForwardHeadersForStations() {
        List<Finding> trips = found("train-fr-forwarded.eml");

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(text(trip, "reservationNumber")).isEqualTo("QWZ8TK");
            assertThat(text(trip, "reservationFor", "trainNumber")).isEqualTo("TGV INOUI 6173");
            assertThat(text(trip, "reservationFor", "departureStation", "name")).isEqualTo("Paris Gare de Lyon");
            assertThat(text(trip, "reservationFor", "arrivalStation", "name")).isEqualTo("Lyon Part-Dieu");
            assertThat(text(trip, "reservationFor", "departureTime")).startsWith("2027-03-06T07:56");
            assertThat(text(trip, "reservationFor", "arrivalTime")).startsWith("2027-03-06T09:57");
        });
    }

    @Test
    void givesACalendarEventInUtcTheLocalTimeOfItsCity() {
        List<Finding> events = found("calendar-concert.eml");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("EventReservation");
            assertThat(text(event, "reservationNumber")).isEqualTo("55120987");
            assertThat(text(event, "reservationFor", "name")).isEqualTo("The Night Owls - Live");
            assertThat(text(event, "reservationFor", "startDate")).isEqualTo("2027-05-20T20:00:00+02:00");
        });
    }

    @Test
    void readsAFrenchCarRentalFromTableCellsAndDoesNotTakeItForATrain() {
        List<Finding> rentals = found("car-fr.eml");

        assertThat(rentals).singleElement().satisfies(rental -> {
            assertThat(rental.type()).isEqualTo("RentalCarReservation");
            assertThat(text(rental, "reservationNumber")).isEqualTo("LS7741029");
            assertThat(text(rental, "pickupLocation", "name")).isEqualTo("Marseille Gare Saint-Charles");
            assertThat(text(rental, "pickupTime")).startsWith("2027-03-12T10:30");
            assertThat(text(rental, "dropoffTime")).startsWith("2027-03-15T18:00");
        });
    }

    @Test
    void mapsACalendarTrainWithItsRouteAndLocalTimes() {
        List<Finding> trips = found("calendar-train-de.eml");

        assertThat(trips).singleElement().satisfies(trip -> {
            assertThat(trip.type()).isEqualTo("TrainReservation");
            assertThat(text(trip, "reservationNumber")).isEqualTo("RS-4471-22");
            assertThat(text(trip, "reservationFor", "trainNumber")).isEqualTo("ICE 1009");
            assertThat(text(trip, "reservationFor", "departureStation", "name")).isEqualTo("München Hbf");
            assertThat(text(trip, "reservationFor", "arrivalStation", "name")).isEqualTo("Berlin Hbf");
            assertThat(text(trip, "reservationFor", "departureTime")).isEqualTo("2027-03-12T09:13:00+01:00");
        });
    }

    @Test
    void aScheduleChangeTakesTheNewTimeNotTheStruckOneAndKeepsTheKey() {
        List<Finding> changed = found("flight-changed-html-en.eml");

        assertThat(changed).singleElement().satisfies(leg -> {
            assertThat(text(leg, "reservationFor", "departureTime")).isEqualTo("2027-03-04T11:05:00+01:00");
            assertThat(leg.data()).doesNotContainKey("reservationStatus");
            assertThat(leg.key()).isEqualTo(found("flight-text-en.eml").getFirst().key());
        });
    }

    @Test
    void namesAnEventFromTheSubjectWhenTheMailHasNoEventLabel() {
        List<Finding> tickets = found("event-subject-es.eml");

        assertThat(tickets).singleElement().satisfies(ticket -> {
            assertThat(ticket.type()).isEqualTo("EventReservation");
            assertThat(text(ticket, "reservationNumber")).isEqualTo("TS-90211");
            assertThat(text(ticket, "reservationFor", "name")).isEqualTo("Noche de Flamenco");
            assertThat(text(ticket, "reservationFor", "startDate")).startsWith("2027-04-17T21:30");
        });
    }

    @Test
    void readsCheckInAndOutFromATableWhoseHeaderCellsAreLabels() {
        List<Finding> stays = found("hotel-td-header-de.eml");

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(text(stay, "reservationNumber")).isEqualTo("4410-7782");
            assertThat(text(stay, "reservationFor", "name")).isEqualTo("Gasthof Zur Linde");
            assertThat(text(stay, "checkinTime")).isEqualTo("2027-04-09");
            assertThat(text(stay, "checkoutTime")).isEqualTo("2027-04-11");
            assertThat(stay.data()).doesNotContainKey("reservationStatus");
        });
    }

    @Test
    void resolvesAirportsPrintedAsCityAndAirportNames() {
        List<Finding> legs = found("flight-names-en.eml");

        assertThat(legs).extracting(leg -> text(leg, "reservationFor", "departureAirport", "iataCode"))
                .containsExactly("LGW", "VLC");
        assertThat(legs).extracting(leg -> text(leg, "reservationFor", "arrivalAirport", "iataCode"))
                .containsExactly("VLC", "LGW");
        assertThat(text(legs.get(0), "reservationFor", "departureTime")).isEqualTo("2027-03-10T08:25:00Z");
        assertThat(text(legs.get(1), "reservationFor", "departureTime")).isEqualTo("2027-03-14T12:45:00+01:00");
        assertThat(text(legs.getFirst(), "reservationFor", "departureAirport", "additionalProperty", "propertyID"))
                .isEqualTo("timeZone");
        assertThat(text(legs.getFirst(), "reservationFor", "departureAirport", "additionalProperty", "value"))
                .isEqualTo("Europe/London");
        assertThat(text(legs.getFirst(), "reservationFor", "arrivalAirport", "additionalProperty", "value"))
                .isEqualTo("Europe/Madrid");
    }

    @Test
    void resolvesACalendarFlightRoutePrintedWithNames() {
        List<Finding> legs = found("calendar-flight-names.eml");

        assertThat(legs).singleElement().satisfies(leg -> {
            assertThat(text(leg, "reservationNumber")).isEqualTo("ZP4K7W");
            assertThat(text(leg, "reservationFor", "departureAirport", "iataCode")).isEqualTo("LGW");
            assertThat(text(leg, "reservationFor", "arrivalAirport", "iataCode")).isEqualTo("VLC");
            assertThat(text(leg, "reservationFor", "departureTime")).isEqualTo("2027-03-10T08:25:00Z");
            assertThat(text(leg, "reservationFor", "arrivalTime")).isEqualTo("2027-03-10T11:55:00+01:00");
        });
    }

    @Test
    void countsTheNightsWhenTheCheckOutIsNotPrinted() {
        List<Finding> stays = found("hotel-nights-en.eml");

        assertThat(stays).singleElement().satisfies(stay -> {
            assertThat(text(stay, "reservationFor", "name")).isEqualTo("Harbour View Inn");
            assertThat(text(stay, "checkinTime")).isEqualTo("2027-04-16");
            assertThat(text(stay, "checkoutTime")).isEqualTo("2027-04-18");
        });
    }

    @Test
    void takesATrainsTimesFromTheirOwnLinesNotFromTheOtherStationsLine() {
        List<Finding> legs = found("train-labels-en.eml");

        assertThat(legs).singleElement().satisfies(leg -> {
            assertThat(leg.type()).isEqualTo("TrainReservation");
            assertThat(text(leg, "reservationFor", "trainNumber")).isEqualTo("IC 2315");
            assertThat(text(leg, "reservationFor", "departureStation", "name")).isEqualTo("Koblenz Hbf");
            assertThat(text(leg, "reservationFor", "arrivalStation", "name")).isEqualTo("Mainz Hbf");
            assertThat(text(leg, "reservationFor", "departureTime")).isEqualTo("2027-04-14T09:12:00");
            assertThat(text(leg, "reservationFor", "arrivalTime")).isEqualTo("2027-04-14T10:05:00");
        });
    }

    @Test
    void readsABusFromABusStationWithoutTheLabelWordsHungOnItsStops() {
        List<Finding> legs = found("bus-es.eml");

        assertThat(legs).singleElement().satisfies(leg -> {
            assertThat(leg.type()).isEqualTo("BusReservation");
            assertThat(text(leg, "reservationFor", "departureBusStop", "name")).isEqualTo("Sevilla (Plaza de Armas)");
            assertThat(text(leg, "reservationFor", "arrivalBusStop", "name"))
                    .isEqualTo("Granada (Estación de Autobuses)");
            assertThat(text(leg, "reservationFor", "departureTime")).isEqualTo("2027-05-20T10:15:00");
        });
    }

    @Test
    void readsOneLegWhenAGateAndAnAircraftTypeLookLikeFlightNumbers() {
        List<Finding> legs = found("flight-gate-aircraft-en.eml");

        assertThat(legs).singleElement().satisfies(leg -> {
            assertThat(text(leg, "reservationFor", "airline", "iataCode")).isEqualTo("IB");
            assertThat(text(leg, "reservationFor", "flightNumber")).isEqualTo("3166");
            assertThat(text(leg, "reservationFor", "departureTime")).isEqualTo("2027-03-06T14:35:00+01:00");
        });
    }

    @Test
    void doesNotTakeACarRentalsCategoryAndModelForTrainStations() {
        List<Finding> findings = found("car-fr-categorie.eml");

        assertThat(findings).extracting(Finding::type).doesNotContain("TrainReservation", "BusReservation");
        assertThat(findings).allSatisfy(f -> assertThat(f.type()).isEqualTo("RentalCarReservation"));
    }

    @Test
    void findsNothingInDealsOrStatementsThatBookNothing() {
        assertThat(found("negative-deals.eml")).isEmpty();
        assertThat(found("negative-statement.eml")).isEmpty();
    }

    @Test
    void keepsDataValidJsonLd() {
        for (Finding finding : found("flight-text-en.eml")) {
            Map<String, Object> data = finding.data();
            assertThat(data).containsEntry("@context", "https://schema.org");
            assertThat(JsonLd.types(data)).containsExactly("FlightReservation");
        }
    }

    @Test
    void aFlightMovedToAnotherDayKeepsTheKeyOfItsBooking() {
        Finding booked = found("dev/flight-text-labels-en.eml").getFirst();
        Finding moved = found("dev/flight-rescheduled-en.eml").getFirst();

        assertThat(text(moved, "reservationFor", "departureTime")).startsWith("2027-03-13");
        assertThat(text(booked, "reservationFor", "departureTime")).startsWith("2027-03-12");
        assertThat(moved.key()).isEqualTo(booked.key());
    }

    @Test
    void aCancelledStayHasTheKeyOfTheConfirmedOne() {
        Finding confirmed = found("dev/hotel-booking-site-en.eml").getFirst();
        Finding cancelled = found("dev/hotel-cancelled-en.eml").getFirst();

        assertThat(cancelled.key()).isEqualTo(confirmed.key());
        assertThat(text(cancelled, "reservationStatus")).isEqualTo("https://schema.org/ReservationCancelled");
        assertThat(confirmed.data()).doesNotContainKey("reservationStatus");
    }

    @Test
    void eachLegOfAnItineraryHasItsOwnKey() {
        List<Finding> legs = found("dev/flight-text-labels-en.eml");

        assertThat(legs).extracting(Finding::key).doesNotHaveDuplicates().hasSize(2);
    }
}
