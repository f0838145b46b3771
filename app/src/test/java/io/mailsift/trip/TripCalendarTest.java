package io.mailsift.trip;

import static io.mailsift.trip.TestSegments.CDG;
import static io.mailsift.trip.TestSegments.FRA;
import static io.mailsift.trip.TestSegments.HKG;
import static io.mailsift.trip.TestSegments.JFK;
import static io.mailsift.trip.TestSegments.SFO;
import static io.mailsift.trip.TestSegments.at;
import static io.mailsift.trip.TestSegments.cancelled;
import static io.mailsift.trip.TestSegments.flight;
import static io.mailsift.trip.TestSegments.hotel;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.mailsift.trip.Segment.Kind;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The feed read back by ical4j, an independent parser: times, zones, escaping and folding survive the trip. */
class TripCalendarTest {

    private final Segment out = flight(FRA, JFK, "2027-03-04 10:35 Europe/Berlin", "2027-03-04 13:20 America/New_York");
    private final Segment stay = hotel("The Pod Hotel", "New York", "2027-03-04", "2027-03-08");
    private final Segment back = flight(JFK, FRA, "2027-03-08 18:00 America/New_York", "2027-03-09 08:05 Europe/Berlin");

    @Test
    void shouldGiveEverySegmentItsStartAndEndInTheirOwnZones() throws Exception {
        List<Trip> trips = TripGrouping.group(List.of(out, stay, back), Optional.empty());

        Calendar calendar = parse(TripCalendar.write(trips, List.of()));

        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue()).isEqualTo(TripCalendar.PRODUCT);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(4);
        VEvent flight = event(calendar, out.uid());
        assertThat(LocalDateTime.from(flight.getDateTimeStart().getDate()))
                .isEqualTo(LocalDateTime.parse("2027-03-04T10:35"));
        assertThat(Instant.from(flight.getDateTimeStart().getDate())).as("read with the feed's own VTIMEZONE")
                .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2027-03-04T10:35"), ZoneId.of("Europe/Berlin"))
                        .toInstant());
        assertThat(flight.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        assertThat(flight.getDateTimeEnd().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/New_York");
        assertThat(Instant.from(flight.getDateTimeEnd().getDate()))
                .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2027-03-04T13:20"), ZoneId.of("America/New_York"))
                        .toInstant());
        VEvent hotel = event(calendar, stay.uid());
        assertThat((Temporal) hotel.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat((Temporal) hotel.getDateTimeEnd().getDate()).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(events).anySatisfy(trip -> {
            assertThat(trip.getSummary().getValue()).isEqualTo("New York, 4–9 March 2027");
            assertThat((Temporal) trip.getDateTimeEnd().getDate()).isEqualTo(LocalDate.of(2027, 3, 10));
        });
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getDateTimeStamp()).isNotNull();
            assertThat(event.getUid()).isPresent();
            assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        });
    }

    @Test
    void shouldDefineEveryZoneUsedWithTheOffsetsOfTheTzRules() throws Exception {
        Segment pacific = flight(SFO, HKG, "2027-11-06 23:00 America/Los_Angeles", "2027-11-08 05:00 Asia/Hong_Kong");
        List<Trip> trips = TripGrouping.group(List.of(out, back, pacific), Optional.empty());

        Calendar calendar = parse(TripCalendar.write(trips, List.of()));

        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).extracting(zone -> zone.getTimeZoneId().getValue()).containsExactlyInAnyOrder(
                "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Hong_Kong");
        for (VTimeZone zone : zones) {
            ZoneId id = ZoneId.of(zone.getTimeZoneId().getValue());
            net.fortuna.ical4j.model.TimeZone defined = new net.fortuna.ical4j.model.TimeZone(zone);
            // Either side of every DST change of 2027, and the flights' own times.
            for (String day : List.of("2027-01-15T12:00:00Z", "2027-03-20T12:00:00Z", "2027-04-15T12:00:00Z",
                    "2027-07-01T12:00:00Z", "2027-10-20T12:00:00Z", "2027-11-10T12:00:00Z",
                    "2027-03-04T09:35:00Z", "2027-11-06T07:00:00Z")) {
                Instant instant = Instant.parse(day);
                assertThat(defined.getOffset(instant.toEpochMilli()) / 1000)
                        .as("%s at %s", id, day).isEqualTo(id.getRules().getOffset(instant).getTotalSeconds());
            }
        }
    }

    @Test
    void shouldMarkCancelledReservationsSoThatCalendarsDropThem() throws Exception {
        Segment called = cancelled(flight(FRA, CDG, "2027-05-01 08:00 Europe/Berlin", "2027-05-01 09:15 Europe/Paris"));

        Calendar calendar = parse(TripCalendar.write(List.of(), List.of(called)));

        assertThat(event(calendar, called.uid()).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void shouldEscapeTextAndFoldLongLinesWithoutSplittingCharacters() throws Exception {
        String summary = "Zürich–München; Café, \"Gruß\" \\ Ölçü 東京 🚆 ".repeat(5) + "\nsecond line";
        Segment odd = TestSegments.segment(Kind.EVENT, summary, CDG, CDG, at("2027-05-01 20:00 Europe/Paris"),
                at("2027-05-01 23:00 Europe/Paris"));

        String text = TripCalendar.write(TripGrouping.group(List.of(odd), Optional.empty()), List.of());

        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        assertThat(Arrays.stream(text.split("\r\n"))).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        assertThat(text).contains("\\;").contains("\\,").contains("\\\\").contains("\\n");
        assertThat(event(parse(text), odd.uid()).getSummary().getValue()).isEqualTo(summary);
    }

    @Test
    void shouldWriteOffsetsInTheFormOfRfc5545() {
        assertThat(TripCalendar.offset(java.time.ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("+0530");
        assertThat(TripCalendar.offset(java.time.ZoneOffset.ofHoursMinutes(-3, -30))).isEqualTo("-0330");
        assertThat(TripCalendar.offset(java.time.ZoneOffset.ofTotalSeconds(-(9 * 3600 + 60 * 59 + 4))))
                .isEqualTo("-095904");
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals(uid)).findFirst().orElseThrow();
    }
}
