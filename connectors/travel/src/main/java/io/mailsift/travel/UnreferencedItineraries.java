package io.mailsift.travel;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A flight itinerary that prints no booking reference the mail's labels name: an e-ticket's itinerary page, an
 * airline's schedule sent without its code, a reference printed in a form no label reads. Its legs still are the
 * traveller's bookings when each is printed whole (airline and number, both airports, departure date and time and
 * arrival time) and the mail reads as a booking's document, not as talk of a trip: at least two kinds of a booking
 * document's words among a passenger named, ticket or itinerary words, booking or confirmation words, and the seat,
 * cabin, fare or baggage words a ticket prints; and no mailing's words (an unsubscribe link, "book now", "fares
 * from"), as a new route's announcement prints its first flights whole; nor a quote's or a request's (a quote,
 * options, "not yet booked", segment lines whose seats are asked for or waitlisted). Such legs have no
 * {@code reservationNumber}; their keys carry the departure day (docs/travel.md, "Keys").
 */
final class UnreferencedItineraries {

    private static final Pattern TICKET_WORDS = words("e-?tickets?|electronic tickets?|ticket numbers?|itinerary|"
            + "itineraries|travel documents?|flugscheine?|ticketnummer|reiseplan|reiseverlauf|flugplan|billets?|"
            + "itinéraire|billetes?|itinerarios?|biglietti|biglietto|itinerario|reisschema|vliegticket");
    private static final Pattern BOOKING_WORDS = words("bookings?|booked|reservations?|confirmations?|confirmed|"
            + "buchung|buchungsbestätigung|gebucht|bestätigt|bestätigung|réservations?|réservé|confirmée?|reservas?|"
            + "reservado|confirmada|confirmación|prenotazione|confermata|boeking|bevestiging");
    /** A ticket's cabin, seat, fare and baggage words; not "class" or "business" alone ("business trip"). */
    private static final Pattern TICKET_DETAIL_WORDS = words("seats?|cabin|economy|"
            + "(?:economy|business|first|premium|booking|travel) class|premium economy|baggage|luggage|fare|"
            + "sitzplatz|buchungsklasse|beförderungsklasse|reiseklasse|gepäck|freigepäck|gepäckstücke?|tarif|"
            + "siège|classe (?:économique|affaires|eco)|bagages?|asiento|clase (?:turista|business|económica|"
            + "preferente)|equipaje|tarifa|posto|bagaglio|stoel|bagage");

    /**
     * A mailing's words: a newsletter's unsubscribe link, a call to book, fares offered. Not "deals" or "offers"
     * alone, which an airline's own e-ticket prints in its navigation.
     */
    private static final Pattern MAILING_WORDS = words(TextReservations.NEWSLETTER_WORDS + "|cancelar suscripción|"
            + "book now|book today|jetzt buchen|gleich buchen|réservez maintenant|réservez dès maintenant|reserva ya|"
            + "reserva ahora|fares from|flüge ab|vols dès|vuelos desde");

    /** A quote's, an option's or a request's words: fares offered, nothing booked yet. */
    private static final Pattern NOT_BOOKED_WORDS = words("(?:a|our|your|the|this|price|fare|travel) quotes?|"
            + "quotations?|options? \\d|not (?:yet )?(?:been )?(?:booked|reserved|confirmed|ticketed)|"
            + "nothing (?:has been |is )?(?:booked|reserved)|angebot|kostenvoranschlag|unverbindlich|"
            + "noch nicht (?:gebucht|reserviert|bestätigt)|devis|pas encore (?:réservé|confirmé)e?s?|cotización|"
            + "presupuesto|(?:aún|todavía) no (?:reservad|confirmad)[oa]s?|preventivo|offerte");

    /** Any of the words, as whole words, in any case. */
    private static Pattern words(String alternatives) {
        return Pattern.compile("(?iu)(?<![\\p{L}])(" + alternatives + ")(?![\\p{L}])");
    }

    private UnreferencedItineraries() {
    }

    /** Whether every leg read is printed whole: airline and number, both airports by code, both times. */
    static boolean allWhole(List<Map<String, Object>> legs) {
        return !legs.isEmpty() && legs.stream().allMatch(UnreferencedItineraries::isWhole);
    }

    private static boolean isWhole(Map<String, Object> leg) {
        if (!"FlightReservation".equals(leg.get("@type")) || !(leg.get("reservationFor") instanceof Map<?, ?> flight)) {
            return false;
        }
        return flight.get("airline") instanceof Map<?, ?> airline && airline.get("iataCode") != null
                && flight.get("flightNumber") != null && hasCode(flight.get("departureAirport"))
                && hasCode(flight.get("arrivalAirport")) && flight.get("departureTime") != null
                && flight.get("arrivalTime") != null;
    }

    private static boolean hasCode(Object airport) {
        return airport instanceof Map<?, ?> map && map.get("iataCode") instanceof String code && !code.isEmpty();
    }

    /**
     * Whether the subject and text read as a booking's document: two kinds of its words, a named passenger being
     * one (asked only when the words give one kind), and none of a mailing's or a quote's.
     */
    static boolean readsAsBookingDocument(String subjectAndText, BooleanSupplier passengerNamed) {
        int kinds = 0;
        for (Pattern words : List.of(TICKET_WORDS, BOOKING_WORDS, TICKET_DETAIL_WORDS)) {
            if (words.matcher(subjectAndText).find()) {
                kinds++;
            }
        }
        if (kinds == 0 || kinds == 1 && !passengerNamed.getAsBoolean()) {
            return false;
        }
        return !MAILING_WORDS.matcher(subjectAndText).find() && !NOT_BOOKED_WORDS.matcher(subjectAndText).find();
    }
}
