package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Flight legs of a mail whose booking reference no label reads: taken when each is printed whole and the mail reads
 * as a booking's document; the whole mails are in mails/dev/noref-*.
 */
class UnreferencedItinerariesTest {

    private static final String LEGS = """
            LH 2070  Munich (MUC) 07:15 - Hamburg (HAM) 08:25  Tuesday 16 March 2027
            LH 2077  Hamburg (HAM) 18:30 - Munich (MUC) 19:40  Friday 19 March 2027
            """;

    private static List<Map<String, Object>> read(String subject, String text) {
        return new TextReservations(MailLines.ofText(text), LocalDate.of(2026, 12, 1)).extract(subject);
    }

    @Test
    void takesWholeLegsOfAnItineraryThatNamesItsPassenger() {
        List<Map<String, Object>> legs = read("Your itinerary", "Passenger: Anna Berger\n\n" + LEGS);

        assertThat(legs).hasSize(2).allSatisfy(leg -> assertThat(leg).doesNotContainKey("reservationNumber")
                .containsEntry("underName", Map.of("@type", "Person", "name", "Anna Berger")));
        assertThat(legs).extracting(leg -> (Object) ((Map<?, ?>) leg.get("reservationFor")).get("departureTime"))
                .containsExactly("2027-03-16T07:15:00+01:00", "2027-03-19T18:30:00+01:00");
    }

    @Test
    void needsTwoKindsOfABookingDocumentsWords() {
        assertThat(read("Your trip", LEGS)).isEmpty();
        assertThat(read("Your trip", "I booked it!\n" + LEGS)).isEmpty(); // booking words alone
        assertThat(read("Ihr Reiseplan", "Economy, 1 Gepäckstück\n" + LEGS)).hasSize(2); // itinerary + baggage
        assertThat(read("Votre réservation", "Vos billets électroniques\n" + LEGS)).hasSize(2);
        assertThat(read("Su reserva", "Pasajero: Lucía Ortega\n" + LEGS)).hasSize(2);
    }

    @Test
    void takesNoEverydayWordForACabinOrSeatWord() {
        // "business" and "class" alone are everyday words: a note about a work trip is no ticket
        assertThat(read("Business trip", "Confirmed for the business trip, a world-class venue:\n" + LEGS)).isEmpty();
        assertThat(read("Your trip", "Confirmed, business class:\n" + LEGS)).hasSize(2);
        // an e-ticket's fine print is no quote
        assertThat(read("Your e-ticket", "Passenger: Anna Berger\nSeat requests are subject to availability.\n"
                + "Deals for your stay\n" + LEGS)).hasSize(2);
    }

    @Test
    void takesNothingFromAMailingOrAQuote() {
        String document = "Passenger: Anna Berger\nEconomy class\n";
        assertThat(read("Your itinerary", document + LEGS + "\nUnsubscribe from these mails")).isEmpty();
        assertThat(read("New route to Hamburg", document + LEGS + "\nBook now and save")).isEmpty();
        assertThat(read("Your itinerary", document + LEGS + "\nHere is our quote; nothing has been booked yet."))
                .isEmpty();
        assertThat(read("Ihr Angebot", document + LEGS)).isEmpty();
        assertThat(read("Votre devis", document + LEGS)).isEmpty();
        assertThat(read("Su presupuesto", document + LEGS)).isEmpty();
    }

    @Test
    void takesNothingUnlessEveryLegIsWhole() {
        String document = "Passenger: Anna Berger\nEconomy class\n";
        // the return's times are not printed: a plan, not a ticket
        assertThat(read("Your itinerary", document + """
                LH 2070  Munich (MUC) 07:15 - Hamburg (HAM) 08:25  Tuesday 16 March 2027
                LH 2077  Hamburg (HAM) - Munich (MUC)  Friday 19 March 2027
                """)).isEmpty();
    }

    @Test
    void aPrintedReferenceStillComesFirst() {
        assertThat(read("Your itinerary", "Booking reference: K7QW2P\n" + LEGS))
                .allSatisfy(leg -> assertThat(leg).containsEntry("reservationNumber", "K7QW2P")).hasSize(2);
    }
}
