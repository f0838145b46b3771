package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A meeting invitation is no booking, even when it mentions lunch or a place; a restaurant's calendar still is. */
class CalendarInvitationsTest {

    private static String calendar(String method, String summary, String description, String location,
            String attendee) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//EN", "METHOD:" + method,
                "BEGIN:VEVENT", "UID:1@example.org", "DTSTART;TZID=Europe/Berlin:20270312T123000",
                "DTEND;TZID=Europe/Berlin:20270312T140000", "SUMMARY:" + summary, "DESCRIPTION:" + description,
                "LOCATION:" + location)
                + (attendee.isEmpty() ? "" : "\r\nATTENDEE;CN=Jo Example:mailto:jo@example.org\r\n"
                        + "ORGANIZER;CN=Sam Example:mailto:sam@example.org")
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void shouldReadNothingFromAMeetingInvitationThatMentionsLunchOrAPlace() {
        assertThat(CalendarReservations.extract(calendar("REQUEST", "Quarterly planning",
                "Lunch will be provided for 4 people.", "Room 4", "yes"), List.of("Hi all,"), "Invitation: planning"))
                .isEmpty();
        assertThat(CalendarReservations.extract(calendar("REQUEST", "Team lunch", "Let's meet.", "Cantina", "yes"),
                List.of("The talk will take place in Room 4, seats are limited."), "Invitation: Team lunch"))
                .isEmpty();
    }

    @Test
    void shouldStillReadARestaurantsOwnCalendarEntry() {
        assertThat(CalendarReservations.extract(calendar("PUBLISH", "Dishoom Carnaby", "Party of 4",
                "Dishoom Carnaby, 22 Kingly St, London", ""), List.of("Your table is booked."), "Booking confirmed"))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("@type", "FoodEstablishmentReservation"));
    }
}
