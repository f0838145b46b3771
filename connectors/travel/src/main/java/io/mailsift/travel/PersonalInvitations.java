package io.mailsift.travel;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a calendar event that one person sends another (an invitation with an organiser or attendees) must show to
 * be a booking: senders of tickets and journeys print a code; a colleague's "offsite booking" or a friend's "let's
 * book the train to Edinburgh" reminder does not, whatever words of booking or travel it uses.
 */
final class PersonalInvitations {

    /** Words of an admission a box office's invitation carries even without an order's code. */
    private static final Pattern TICKET_WORDS = Pattern.compile(
            "(?iu)\\b(tickets?|billets?|entradas?|eintrittskarten?|karten|admission|einlass)\\b");
    /** A sentence, not a station: "Edinburgh Waverley for the 18th of March together. Prices go up". */
    private static final Pattern SENTENCE = Pattern.compile("[.!?]\\s+\\p{L}|\\b(?:for|the|together|with)\\b");
    private static final int MAX_STATION_WORDS = 6;

    private PersonalInvitations() {
    }

    /** Whether an invitation's show is booked: a code, else words of tickets in it or the subject. */
    static boolean showBooked(boolean invitation, Optional<String> reference, String event, String subject) {
        return !invitation || reference.isPresent() || TICKET_WORDS.matcher(event + "\n" + subject).find();
    }

    /**
     * Whether a trip read from an event is a booked leg: a train or coach number or a code tells it is; without
     * either, an invitation between persons is a plan, and an end that reads as a sentence is no station.
     */
    static boolean tripBooked(Map<String, Object> trip, boolean invitation, Optional<String> reference) {
        boolean numbered = trip.containsKey("trainNumber") || trip.containsKey("busNumber");
        if (!numbered && reference.isEmpty() && invitation) {
            return false;
        }
        return trip.values().stream().filter(Map.class::isInstance).map(place -> ((Map<?, ?>) place).get("name"))
                .filter(String.class::isInstance).map(String.class::cast)
                .noneMatch(name -> name.split("\\s+").length > MAX_STATION_WORDS
                        || !numbered && reference.isEmpty() && SENTENCE.matcher(name).find());
    }
}
