package io.mailsift.travel;

import static io.mailsift.travel.Mails.forwarding;
import static io.mailsift.travel.Mails.withMarkup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import io.mailsift.connector.Connector;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;
import org.junit.jupiter.api.Test;

class TravelConnectorTest {

    private final TravelConnector connector = new TravelConnector();

    private static final String FLIGHT = """
            {
              "@context": "http://schema.org",
              "@type": "FlightReservation",
              "reservationNumber": "RXJ34P",
              "underName": {"@type": "Person", "name": "Eva Green"},
              "reservationFor": {
                "@type": "Flight",
                "flightNumber": "110",
                "airline": {"@type": "Airline", "name": "United", "iataCode": "UA"},
                "departureAirport": {"@type": "Airport", "name": "San Francisco Airport", "iataCode": "SFO"},
                "departureTime": "2027-03-04T20:15:00-08:00",
                "arrivalAirport": {"@type": "Airport", "name": "John F. Kennedy International Airport", "iataCode": "JFK"},
                "arrivalTime": "2027-03-05T06:30:00-05:00"
              }
            }
            """;

    @Test
    void describesItselfAsTheTravelConnectorReadingBodies() {
        var descriptor = connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("travel");
        assertThat(descriptor.version()).isNotBlank().doesNotContain("@");
        assertThat(descriptor.spiVersion()).isEqualTo(SpiVersion.CURRENT);
        assertThat(descriptor.reads()).isEqualTo(ReadScope.BODIES);
        assertThat(descriptor.findingTypes()).containsExactlyInAnyOrder("FlightReservation", "LodgingReservation",
                "TrainReservation", "BusReservation", "RentalCarReservation", "EventReservation",
                "FoodEstablishmentReservation");
        assertThat(descriptor.description()).isNotBlank();
    }

    @Test
    void keepsNoLineOfAMailOnceItIsRead() throws Exception {
        String mail = """
                From: Bookings <bookings@air.example>
                To: eva@example.org
                Subject: Your booking ABC123
                Date: Mon, 30 Nov 2026 09:00:00 +0000
                Content-Type: text/plain; charset=utf-8

                Booking reference: ABC123
                Passenger: Eva Green
                Flight LH 400 Frankfurt (FRA) 10:05 - New York (JFK) 12:55, 4 March 2027
                """.replace("\n", "\r\n");
        Labels.PASSENGER.isNamedIn("Passenger: Eva Green");
        assertThat(Labels.linesKept()).isPositive();

        connector.extract(new io.mailsift.connector.mail.EmailParser().parse(
                mail.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(Labels.linesKept()).isZero();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Connector.class).stream().map(ServiceLoader.Provider::type))
                .contains(TravelConnector.class);
    }

    @Test
    void shouldLeaveAMessageWithoutAnyTravelSignInItsHeadersUnfetched() {
        // Recall of the prefilter is TravelPrefilterTest's subject; this is only the connector using it.
        var headers = new EmailHeaders(null, "", null, null, List.of(), null, Map.of());

        assertThat(connector.interestedIn(headers)).isFalse();
        assertThat(connector.interestedIn(new EmailHeaders(null, "Your booking", null, null, List.of(), null,
                Map.of()))).isTrue();
    }

    @Test
    void shouldTurnAFlightReservationIntoOneFindingKeepingTheMarkup() {
        List<Finding> findings = connector.extract(withMarkup(FLIGHT));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo("FlightReservation");
            assertThat(finding.data()).containsEntry("@context", "https://schema.org")
                    .containsEntry("@type", "FlightReservation")
                    .containsEntry("reservationNumber", "RXJ34P");
            assertThat(reservationFor(finding))
                    .containsEntry("@type", "Flight")
                    .containsEntry("flightNumber", "110")
                    .containsEntry("departureTime", "2027-03-04T20:15:00-08:00");
        });
    }

    @Test
    void shouldCompleteTheMarkupsAirportsAndAirlineFromTheTablesKeepingWhatTheSenderWrote() {
        String bare = """
                {
                  "@context": "https://schema.org",
                  "@type": "FlightReservation",
                  "reservationNumber": "Q7X2LM",
                  "reservationFor": {
                    "@type": "Flight",
                    "flightNumber": "1024",
                    "airline": {"@type": "Airline", "iataCode": "af"},
                    "departureAirport": {"@type": "Airport", "name": "Paris CDG T2E", "iataCode": "CDG"},
                    "departureTime": "2027-03-04T10:35:00+01:00",
                    "arrivalAirport": {"@type": "Airport", "iataCode": "LIS"},
                    "arrivalTime": "2027-03-04T12:05:00+00:00"
                  }
                }
                """;

        Map<String, Object> flight = reservationFor(connector.extract(withMarkup(bare)).getFirst());

        Map<String, Object> departure = JsonLd.object(flight, "departureAirport").orElseThrow();
        assertThat(departure).containsEntry("name", "Paris CDG T2E").containsEntry("iataCode", "CDG");
        assertThat(JsonLd.text(departure, "address", "addressLocality")).contains("Paris");
        assertThat(JsonLd.text(departure, "address", "addressCountry")).contains("France");
        assertThat(JsonLd.text(departure, "additionalProperty", "value")).contains("Europe/Paris");
        assertThat(JsonLd.object(departure, "geo")).hasValueSatisfying(geo -> assertThat(geo)
                .containsKeys("latitude", "longitude"));
        Map<String, Object> arrival = JsonLd.object(flight, "arrivalAirport").orElseThrow();
        assertThat(JsonLd.text(arrival, "name")).hasValueSatisfying(name -> assertThat(name).contains("Lisbon"));
        assertThat(JsonLd.text(arrival, "additionalProperty", "value")).contains("Europe/Lisbon");
        assertThat(JsonLd.text(flight, "airline", "name")).contains("Air France");
        // As written: the times (with the sender's offsets) and the codes the key is made of.
        assertThat(flight).containsEntry("departureTime", "2027-03-04T10:35:00+01:00");
    }

    @Test
    void shouldLeaveAnAirportCodeTheTablesDoNotKnowAsTheSenderWroteIt() {
        String unknown = FLIGHT.replace("\"SFO\"", "\"QQX\"");

        Map<String, Object> flight = reservationFor(connector.extract(withMarkup(unknown)).getFirst());

        assertThat(JsonLd.object(flight, "departureAirport").orElseThrow()).containsOnlyKeys("@type", "name",
                "iataCode");
    }

    @Test
    void shouldGiveTheSameKeyWhenTheSameBookingIsSentAgain() {
        String resent = """
                {
                  "@type": "http://schema.org/FlightReservation",
                  "reservationNumber": " rxj34p ",
                  "reservationStatus": "http://schema.org/ReservationConfirmed",
                  "modifiedTime": "2027-03-01T10:00:00-08:00",
                  "reservationFor": {
                    "@type": "Flight",
                    "flightNumber": "UA 110",
                    "airline": {"@type": "Airline", "name": "United Airlines", "iataCode": "ua"},
                    "departureAirport": {"@type": "Airport", "iataCode": "SFO"},
                    "departureTime": "2027-03-04T21:05:00-08:00",
                    "arrivalAirport": {"@type": "Airport", "iataCode": "JFK"}
                  }
                }
                """;

        String first = connector.extract(withMarkup(FLIGHT)).getFirst().key();
        String again = connector.extract(withMarkup(FLIGHT)).getFirst().key();
        String rescheduled = connector.extract(withMarkup(resent)).getFirst().key();

        assertThat(again).isEqualTo(first);
        assertThat(rescheduled).as("same booking, same flight, same day, new time").isEqualTo(first);
    }

    @Test
    void shouldGiveOneFindingWithItsOwnKeyPerLegOfAnItinerary() {
        String itinerary = """
                [
                  {"@type": "FlightReservation", "reservationNumber": "XXX007",
                   "reservationFor": {"@type": "Flight", "flightNumber": "2029",
                     "airline": {"@type": "Airline", "iataCode": "LH"},
                     "departureAirport": {"@type": "Airport", "iataCode": "TXL"},
                     "departureTime": "2017-04-07T08:30:00+02:00"}},
                  {"@type": "FlightReservation", "reservationNumber": "XXX007",
                   "reservationFor": {"@type": "Flight", "flightNumber": "2218",
                     "airline": {"@type": "Airline", "iataCode": "LH"},
                     "departureAirport": {"@type": "Airport", "iataCode": "MUC"},
                     "departureTime": "2017-04-07T11:10:00+02:00"}},
                  {"@type": "FlightReservation", "reservationNumber": "XXX007",
                   "reservationFor": {"@type": "Flight", "flightNumber": "2029",
                     "airline": {"@type": "Airline", "iataCode": "LH"},
                     "departureAirport": {"@type": "Airport", "iataCode": "TXL"},
                     "departureTime": "2017-04-14T08:30:00+02:00"}}
                ]
                """;

        List<Finding> findings = connector.extract(withMarkup(itinerary));

        assertThat(findings).hasSize(3).extracting(Finding::key).doesNotHaveDuplicates();
    }

    @Test
    void shouldCountALegMarkedUpTwiceOnce() {
        String jsonLdAndMicrodata = "[" + FLIGHT + "," + FLIGHT.replace("\"@context\": \"http://schema.org\",", "")
                .replace("\"FlightReservation\"", "\"http://schema.org/FlightReservation\"") + "]";

        assertThat(connector.extract(withMarkup(jsonLdAndMicrodata))).hasSize(1);
    }

    @Test
    void shouldTakeTheTypeOfABareReservationFromWhatItIsFor() {
        String bare = """
                [
                  {"@type": "Reservation", "reservationNumber": "A1",
                   "reservationFor": {"@type": "Flight", "flightNumber": "LH2029", "departureTime": "2017-04-07"}},
                  {"@type": "Reservation", "reservationNumber": "A2", "checkinDate": "2017-06-15",
                   "reservationFor": {"@type": "Hotel", "name": "Parser & Breaking Hotels"}},
                  {"@type": "Reservation", "reservationNumber": "A3",
                   "reservationFor": {"@type": "TrainTrip", "trainNumber": "ICE 1001"}},
                  {"@type": "Reservation", "reservationNumber": "A4",
                   "reservationFor": {"@type": "MusicEvent", "name": "Concert", "startDate": "2027-01-01T20:00"}},
                  {"@type": "Reservation", "reservationNumber": "A5",
                   "reservationFor": {"@type": "Restaurant", "name": "Blue Nile"}, "startTime": "2027-01-02T19:00"},
                  {"@type": "Reservation", "reservationNumber": "A6",
                   "reservationFor": {"@type": "Unicorn", "name": "Sparkles"}}
                ]
                """;

        assertThat(connector.extract(withMarkup(bare))).extracting(Finding::type).containsExactly(
                "FlightReservation", "LodgingReservation", "TrainReservation", "EventReservation",
                "FoodEstablishmentReservation");
    }

    @Test
    void shouldAcceptPrefixedTypesMissingContextAndListsWhereOneValueIsExpected() {
        String sloppy = """
                {
                  "@type": ["schema:FlightReservation"],
                  "reservationNumber": ["RXJ34P", "OTHER"],
                  "reservationFor": [{
                    "@type": "https://schema.org/Flight",
                    "flightNumber": ["110"],
                    "airline": [{"@type": "Airline", "iataCode": "UA"}],
                    "departureTime": ["2027-03-04T20:15:00-08:00"]
                  }]
                }
                """;

        List<Finding> findings = connector.extract(withMarkup(sloppy));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.type()).isEqualTo("FlightReservation");
            assertThat(finding.key()).isEqualTo(connector.extract(withMarkup(FLIGHT)).getFirst().key());
            assertThat(reservationFor(finding)).containsEntry("@type", "Flight");
        });
    }

    @Test
    void shouldTrimStringsAndStripTypePrefixesThroughout() {
        String padded = """
                {"@type": "LodgingReservation", "reservationNumber": "  KDE  ", "checkinDate": " 2017-06-15 ",
                 "reservationFor": {"@type": "http://schema.org/Hotel", "name": "\\n  Konqi Resort  ",
                   "address": {"@type": "schema:PostalAddress", "addressLocality": " Paris "}}}
                """;

        Finding finding = connector.extract(withMarkup(padded)).getFirst();

        assertThat(finding.data()).containsEntry("reservationNumber", "KDE").containsEntry("checkinDate",
                "2017-06-15");
        assertThat(finding.data().get("reservationFor")).isEqualTo(Map.of("@type", "Hotel", "name", "Konqi Resort",
                "address", Map.of("@type", "PostalAddress", "addressLocality", "Paris")));
    }

    @Test
    void shouldGiveAnUntypedReservationForTheTypeItsReservationImplies() {
        String untyped = """
                {"@type": "TrainReservation", "reservationNumber": "T1",
                 "reservationFor": {"trainNumber": "ICE 1001", "departureTime": "2027-05-01T08:00:00+02:00"}}
                """;

        Finding finding = connector.extract(withMarkup(untyped)).getFirst();

        assertThat(reservationFor(finding)).containsEntry("@type", "TrainTrip");
    }

    @Test
    void shouldFindReservationsNestedInOtherItems() {
        String nested = """
                [
                  {"@type": "Person", "name": "Eva Green", "subjectOf": [%s]},
                  {"@type": "Order", "orderNumber": "O-1",
                   "acceptedOffer": {"@type": "Offer", "itemOffered": %s}},
                  {"@context": "https://schema.org", "@graph": [%s]},
                  {"@type": "ReservationPackage", "reservationNumber": "P",
                   "subReservation": [%s]}
                ]
                """.formatted(
                leg("A", "LH", "1"), leg("B", "LH", "2"), leg("C", "LH", "3"), leg("D", "LH", "4"));

        assertThat(connector.extract(withMarkup(nested))).extracting(f -> f.data().get("reservationNumber"))
                .containsExactly("A", "B", "C", "D");
    }

    @Test
    void shouldFindReservationsInForwardedMessages() {
        assertThat(connector.extract(forwarding(withMarkup(FLIGHT)))).hasSize(1);
    }

    @Test
    void shouldIgnoreReservationsThatAreOnlyOfferedAsAnAction() {
        String offered = """
                {"@type": "Restaurant", "name": "Blue Nile",
                 "potentialAction": {"@type": "ReserveAction",
                   "result": {"@type": "FoodEstablishmentReservation", "name": "Reserve now",
                     "reservationFor": {"@type": "Restaurant", "name": "Blue Nile"}}}}
                """;

        assertThat(connector.extract(withMarkup(offered))).isEmpty();
    }

    @Test
    void shouldFindNothingInMarkupThatIsNoReservation() {
        String other = """
                [
                  {"@type": "Order", "orderNumber": "123", "merchant": {"@type": "Organization", "name": "ACME"}},
                  {"@type": "ParcelDelivery", "trackingNumber": "1Z999"},
                  {"@type": "EmailMessage", "potentialAction": {"@type": "ViewAction", "url": "https://x"}},
                  {"@type": "Event", "name": "Akademy 2019", "startDate": "2019-09-07T09:30:00+02:00"},
                  {"@type": "Hotel", "name": "ACME Hotel Innsbruck"},
                  {"@type": "Flight", "flightNumber": "110"}
                ]
                """;

        assertThat(connector.extract(withMarkup(other))).isEmpty();
        assertThat(connector.extract(Mails.withItems(List.of()))).isEmpty();
    }

    @Test
    void shouldSkipAReservationWithNothingToTellItFromAnother() {
        String anonymous = """
                [
                  {"@type": "FlightReservation"},
                  {"@type": "FlightReservation", "reservationFor": {"@type": "Flight"}},
                  {"@type": "LodgingReservation", "reservationNumber": "NO-SUBJECT"}
                ]
                """;

        assertThat(connector.extract(withMarkup(anonymous))).isEmpty();
    }

    @Test
    void shouldKeyABookingWithoutReferenceByWhoItIsUnder() {
        String withoutReference = """
                [
                  {"@type": "EventReservation", "underName": {"@type": "Person", "name": "John Smith"},
                   "reservationFor": {"@type": "Event", "name": "Google I/O", "startDate": "2013-05-15T08:30"}},
                  {"@type": "EventReservation", "underName": {"@type": "Person", "name": "Jane Smith"},
                   "reservationFor": {"@type": "Event", "name": "Google I/O", "startDate": "2013-05-15T08:30"}}
                ]
                """;

        assertThat(connector.extract(withMarkup(withoutReference))).hasSize(2);
    }

    @Test
    void shouldTellLegsApartByWhatIdentifiesEachKindOfTrip() {
        String[] distinct = {
            lodging("Hotel A", "2027-06-15"), lodging("Hotel A", "2027-06-16"), lodging("Hotel B", "2027-06-15"),
            """
            {"@type": "TrainReservation", "reservationNumber": "R", "reservationFor": {"@type": "TrainTrip",
             "trainNumber": "ICE 1", "departureStation": {"@type": "TrainStation", "name": "Berlin Hbf"},
             "departureTime": "2027-05-01T08:00"}}""",
            """
            {"@type": "TrainReservation", "reservationNumber": "R", "reservationFor": {"@type": "TrainTrip",
             "trainNumber": "ICE 1", "departureStation": {"@type": "TrainStation", "name": "Hamburg Hbf"},
             "departureTime": "2027-05-01T10:00"}}""",
            """
            {"@type": "BusReservation", "reservationNumber": "R", "reservationFor": {"@type": "BusTrip",
             "busNumber": "N1", "departureBusStop": {"@type": "BusStop", "name": "ZOB"},
             "departureTime": "2027-05-01T08:00"}}""",
            """
            {"@type": "RentalCarReservation", "reservationNumber": "R", "pickupTime": "2027-05-01T08:00",
             "pickupLocation": {"@type": "Place", "name": "SFO"}, "reservationFor": {"@type": "Car", "name": "Golf"}}""",
            """
            {"@type": "RentalCarReservation", "reservationNumber": "R", "pickupTime": "2027-05-08T08:00",
             "pickupLocation": {"@type": "Place", "name": "SFO"}, "reservationFor": {"@type": "Car", "name": "Golf"}}""",
            """
            {"@type": "EventReservation", "reservationNumber": "R",
             "reservationFor": {"@type": "Event", "name": "Day 1", "startDate": "2027-05-01"}}""",
            """
            {"@type": "EventReservation", "reservationNumber": "R",
             "reservationFor": {"@type": "Event", "name": "Day 2", "startDate": "2027-05-02"}}""",
            """
            {"@type": "FoodEstablishmentReservation", "reservationNumber": "R", "startTime": "2027-05-01T19:00",
             "reservationFor": {"@type": "FoodEstablishment", "name": "Blue Nile"}}"""
        };

        List<Finding> findings = connector.extract(withMarkup("[" + String.join(",", distinct) + "]"));

        assertThat(findings).hasSize(distinct.length).extracting(Finding::key).doesNotHaveDuplicates();
    }

    @Test
    void shouldSurviveBrokenMarkup() {
        String broken = """
                [
                  {"@type": 42},
                  {"@type": null, "reservationFor": "x"},
                  {"@type": ["FlightReservation", 7, {"x": 1}], "reservationNumber": {"no": "text"},
                   "reservationFor": "LH 123"},
                  {"@type": "FlightReservation", "reservationNumber": 12345,
                   "reservationFor": {"@type": "Flight", "flightNumber": 2029, "airline": "Lufthansa",
                     "departureTime": {"@value": "2017-04-07T08:30:00+02:00"}, "departureAirport": [[]]}},
                  {"@type": "LodgingReservation", "reservationNumber": true, "checkinDate": [],
                   "reservationFor": [1, 2, {"@type": []}]},
                  {"@type": "RentalCarReservation", "reservationNumber": "R", "pickupLocation": "Airport",
                   "reservationFor": [], "pickupTime": {}},
                  {"@type": "EventReservation", "reservationNumber": "",
                   "reservationFor": {"@type": "Event", "name": {"@type": "Text"}, "startDate": -1}},
                  {"@type": "FoodEstablishmentReservation", "reservationFor": {"name": ["", "  "]}}
                ]
                """;

        assertThatCode(() -> connector.extract(withMarkup(broken))).doesNotThrowAnyException();
        assertThat(connector.extract(withMarkup(broken))).extracting(Finding::type)
                .contains("FlightReservation");
    }

    @Test
    void shouldNotRecurseForeverIntoAbsurdlyDeepMarkup() {
        String deep = "{\"@type\": \"Thing\", \"x\": ".repeat(400) + FLIGHT + "}".repeat(400);

        assertThatCode(() -> connector.extract(withMarkup(deep))).doesNotThrowAnyException();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reservationFor(Finding finding) {
        return (Map<String, Object>) finding.data().get("reservationFor");
    }

    private static String leg(String reference, String airline, String number) {
        return """
                {"@type": "FlightReservation", "reservationNumber": "%s",
                 "reservationFor": {"@type": "Flight", "flightNumber": "%s",
                   "airline": {"@type": "Airline", "iataCode": "%s"}, "departureTime": "2027-01-01T10:00"}}
                """.formatted(reference, number, airline);
    }

    private static String lodging(String hotel, String checkin) {
        return """
                {"@type": "LodgingReservation", "reservationNumber": "R", "checkinDate": "%sT15:00:00+02:00",
                 "reservationFor": {"@type": "LodgingBusiness", "name": "%s"}}
                """.formatted(checkin, hotel);
    }

    @Test
    void shouldKeepBothLegsOfAFlightNumberFlownTwiceInOneBooking() {
        String twice = """
                [
                  {"@type": "FlightReservation", "reservationNumber": "WK1234",
                   "reservationFor": {"@type": "Flight", "flightNumber": "LH 400",
                     "departureAirport": {"@type": "Airport", "iataCode": "FRA"},
                     "departureTime": "2027-03-04T10:15:00+01:00"}},
                  {"@type": "FlightReservation", "reservationNumber": "WK1234",
                   "reservationFor": {"@type": "Flight", "flightNumber": "LH 400",
                     "departureAirport": {"@type": "Airport", "iataCode": "FRA"},
                     "departureTime": "2027-03-11T10:15:00+01:00"}}
                ]
                """;

        assertThat(connector.extract(withMarkup(twice))).extracting(Finding::key).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void shouldKeepTheKeyOfABookedFlightMovedToAnotherDay() {
        String moved = FLIGHT.replace("2027-03-04T20:15:00-08:00", "2027-03-05T08:00:00-08:00");

        assertThat(moved).isNotEqualTo(FLIGHT);
        assertThat(connector.extract(withMarkup(moved)).getFirst().key())
                .isEqualTo(connector.extract(withMarkup(FLIGHT)).getFirst().key());
    }
}
