package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.JsonLd;
import org.junit.jupiter.api.Test;

/** The pieces calendars are read with: a journey's listed legs and the JSON-LD an event carries. */
class CalendarJourneysTest {

    private static final LocalDate DAY = LocalDate.of(2027, 7, 26);

    @Test
    void aNightLegAfterMidnightIsOnTheNextDay() {
        List<JourneyLegs.Leg> legs = JourneyLegs.legs("""
                odj. 19:55 Berlin Gesundbrunnen - Peron 7 (ICE 1109)
                prz. 22:56 Nürnberg Hbf - Peron 8

                odj. 01:41 Nürnberg Hbf - Peron 4 (NJ 40490)
                prz. 05:11 Koblenz Hbf - Peron 3""", DAY);

        assertThat(legs).extracting(JourneyLegs.Leg::number).containsExactly("ICE 1109", "NJ 40490");
        assertThat(legs.get(1).departure()).isEqualTo(DAY.plusDays(1).atTime(1, 41));
        assertThat(legs.get(1).fromPlatform()).contains("4");
    }

    @Test
    void aWalkBetweenStationsIsNoLeg() {
        List<JourneyLegs.Leg> legs = JourneyLegs.legs("""
                fra Leer(Ostfriesl)  (Gangsti)
                til Leer(Ostfriesl) ZOB/Bahnhof

                fra 21:30 Leer(Ostfriesl) ZOB/Bahnhof  (Bus  647)
                til 22:25 Groningen CS Hoofdstation""", DAY);

        assertThat(legs).singleElement().satisfies(leg -> {
            assertThat(leg.isBus()).isTrue();
            assertThat(leg.number()).isEqualTo("Bus 647");
            assertThat(leg.from()).isEqualTo("Leer(Ostfriesl) ZOB/Bahnhof");
        });
    }

    @Test
    void anAgendaOfRoomsListsNoLegs() {
        assertThat(JourneyLegs.legs("""
                09:00 Welcome (Room 101)
                10:30 Architecture review (Hall B)
                B2 Keynote 11:00 - Coffee 11:30""", DAY)).isEmpty();
    }

    @Test
    void aFlightNumberInAStopsBracketsIsNoTrain() {
        assertThat(JourneyLegs.legs("""
                Départ 11:10 Paris CDG (AF 1234)
                Arr. 13:00 Nice""", DAY)).isEmpty();
    }

    @Test
    void aTrainNumberNoAirlineHasStillMakesALeg() {
        assertThat(JourneyLegs.legs("""
                fra 11:21 Stockholm Central  (X2   531)
                til 15:48 Malmö Central""", DAY)).extracting(JourneyLegs.Leg::number).containsExactly("X2 531");
    }

    @Test
    void aLongDescriptionLineIsReadQuickly() {
        // a stop's time first, then a long run of spaces inside the station's place
        String line = "10:00 Paris (ICE 16)" + " ".repeat(200_000) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(JourneyLegs.legs(line + "\n" + line, DAY)).isEmpty());
    }

    @Test
    void aLongSummaryWithoutAnArrowIsReadQuickly() {
        String line = "word ".repeat(40_000);
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT",
                "DTSTART:20270312T065500Z", "DTEND:20270312T104500Z", "SUMMARY:" + line, "DESCRIPTION:" + line,
                "END:VEVENT", "END:VCALENDAR", "");
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(CalendarReservations.extract(calendar, List.of(), "")).isEmpty());
    }

    @Test
    void aFlightLegFromACalendarIsNoTrain() {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT",
                "DTSTART;TZID=Europe/Paris:20270312T111000", "DTEND;TZID=Europe/Paris:20270312T130000",
                "SUMMARY:Paris - Nice", "DESCRIPTION:Réservation ABC123\\nDépart 11:10 Paris CDG (AF 1234)\\n"
                        + "Arr. 13:00 Nice",
                "END:VEVENT", "END:VCALENDAR", "");
        assertThat(CalendarReservations.extract(calendar, List.of(), ""))
                .noneMatch(found -> "TrainReservation".equals(found.get("@type")));
    }

    private static String utcJourney(String start, String end, String description) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "DTSTART:" + start,
                "DTEND:" + end, "SUMMARY:Paris → Frankfurt", "DESCRIPTION:Booking reference: QXTR42\\n" + description,
                "END:VEVENT", "END:VCALENDAR", "");
    }

    @Test
    void aJourneyInAUtcCalendarIsAtTheStationsPrintedTimes() {
        List<Map<String, Object>> found = CalendarReservations.extract(utcJourney("20270312T065500Z",
                "20270312T104500Z", "Paris Est 07:55 → Frankfurt(Main)Hbf 11:45 (TGV 9553)"), List.of(), "");

        assertThat(found).singleElement().satisfies(leg -> {
            assertThat(JsonLd.text(leg, "reservationFor", "departureTime")).contains("2027-03-12T07:55:00+01:00");
            assertThat(JsonLd.text(leg, "reservationFor", "arrivalTime")).contains("2027-03-12T11:45:00+01:00");
        });
    }

    @Test
    void aUtcJourneyAfterLocalMidnightIsOnTheStationsDay() {
        List<Map<String, Object>> found = CalendarReservations.extract(utcJourney("20270312T233000Z",
                "20270313T013500Z", "Paris Est 00:30 → Strasbourg 02:35 (TGV 9577)"), List.of(), "");

        assertThat(found).singleElement().satisfies(leg -> {
            assertThat(JsonLd.text(leg, "reservationFor", "departureTime")).contains("2027-03-13T00:30:00+01:00");
            assertThat(JsonLd.text(leg, "reservationFor", "arrivalTime")).contains("2027-03-13T02:35:00+01:00");
        });
    }

    @Test
    void aJourneyInItsStationsZoneKeepsItsTimes() {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT",
                "DTSTART;TZID=Europe/Paris:20270312T075500", "DTEND;TZID=Europe/Berlin:20270312T114500",
                "SUMMARY:Paris → Frankfurt", "DESCRIPTION:Paris Est 07:55 → Frankfurt(Main)Hbf 11:45 (TGV 9553)",
                "END:VEVENT", "END:VCALENDAR", "");

        assertThat(CalendarReservations.extract(calendar, List.of(), "")).singleElement().satisfies(leg ->
                assertThat(JsonLd.text(leg, "reservationFor", "departureTime")).contains("2027-03-12T07:55:00+01:00"));
    }

    @Test
    void jsonLdInACalendarPropertyIsReadWithItsEscapesAndQtDates() {
        List<Map<String, Object>> found = EmbeddedReservations.in("""
                [{"@context":"http://schema.org"\\,"@type":"EventReservation"\\,"reservationNumber":"A1\\,B2"\\,\
                "reservationFor":{"@type":"Event"\\,"name":"Akademy"\\,"startDate":{"@type":"QDateTime"\\,\
                "@value":"2027-09-07T09:30:00+02:00"\\,"timezone":"Europe/Rome"}}}]""");

        assertThat(found).singleElement().satisfies(reservation -> {
            assertThat(reservation).containsEntry("reservationNumber", "A1,B2");
            assertThat(JsonLd.text(reservation, "reservationFor", "startDate")).contains("2027-09-07T09:30:00+02:00");
        });
    }

    @Test
    void aPropertyThatIsNotJsonOrHoldsNoReservationGivesNothing() {
        assertThat(EmbeddedReservations.in("<html><body>@type</body></html>")).isEmpty();
        assertThat(EmbeddedReservations.in("[{\"@type\":\"Event\",\"name\":\"37C3\"}]")).isEmpty();
        assertThat(EmbeddedReservations.in("[{\"@type\":\"FlightReservation\",\"reservationFor\":{")).isEmpty();
        assertThat(JsonLd.parse("[".repeat(100) + "]".repeat(100))).isEmpty();
        assertThat(JsonLd.parse("{\"a\":1} trailing")).isEmpty();
    }
}
