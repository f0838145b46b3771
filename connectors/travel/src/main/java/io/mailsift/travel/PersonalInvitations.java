package io.mailsift.travel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a calendar event one person sends others (an invitation with attendees) must show to be a booked show: a
 * box office's invitation prints an order's code, speaks of tickets, or comes in a mail that does; a colleague's
 * "offsite booking" or "the room's reservation is confirmed" in a meeting's agenda books no show. And what a journey
 * read from an event must not be: a sentence where its station should be ("Let's book the train to Edinburgh
 * Waverley for the 18th. Prices go up after January.").
 */
final class PersonalInvitations {

    /** Words of an admission, which a box office's invitation or the mail around a calendar carries without a code. */
    static final Pattern TICKET_WORDS = AdmissionWords.TICKETS;
    /** A seat a box office assigns: "Row F, Seats 11-12", "Reihe 7, Platz 3", "Fila 12, Asiento 4". */
    private static final Pattern SEAT = Pattern.compile(
            "(?iu)\\b(?:row|reihe|fila|rang|rangée|rij)\\s+\\w{1,3}\\b.{0,20}?\\b(?:seats?|platz|plätze|asientos?|"
                    + "butacas?|sièges?|places?|stoel|posto)\\s+\\d");
    /** A sentence, not a station: a full stop and the next sentence's word. */
    private static final Pattern SENTENCE = Pattern.compile("[.!?]\\s+\\p{L}");

    private PersonalInvitations() {
    }

    /** Whether an invitation's show is booked: a code, tickets in it, its subject or its mail, a booking subject. */
    static boolean showBooked(boolean invitation, Optional<String> reference, String event, String subject,
            List<String> mailLines) {
        return !invitation || reference.isPresent() || TICKET_WORDS.matcher(event + "\n" + subject).find()
                // "Booking confirmation: Night at the Observatory"
                || CalendarReservations.BOOKING_WORDS.matcher(subject).find()
                || mailLines.stream().anyMatch(line -> TICKET_WORDS.matcher(line).find());
    }

    /** Whether an event assigns seats as a ticket does: a show's booking even where no word says "ticket". */
    static boolean seated(String event) {
        return SEAT.matcher(event).find();
    }

    /** Whether a trip read from an event names its stations, not a sentence, when no number or code vouches for it. */
    static boolean namesStations(Map<String, Object> trip, Optional<String> reference) {
        if (trip.containsKey("trainNumber") || trip.containsKey("busNumber") || reference.isPresent()) {
            return true;
        }
        return trip.values().stream().filter(Map.class::isInstance).map(place -> ((Map<?, ?>) place).get("name"))
                .filter(String.class::isInstance).map(String.class::cast)
                .noneMatch(name -> SENTENCE.matcher(name).find());
    }
}
