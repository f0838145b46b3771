package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Booking references printed in a sentence, under a bare booking word in capitals alone, after a qualified "Ref", as
 * a trip's number and in subjects; and what must never be read for one (a word, a status, a date, a phone number, a
 * flight number, an airport, a fare basis, a ticket number).
 */
class ReferenceFormsTest {

    private static java.util.Optional<String> reference(String text) {
        return Labels.reference(MailLines.ofText(text));
    }

    private static java.util.Optional<String> subject(String subject) {
        return Labels.referenceInSubject(subject);
    }

    @Test
    void readsTheCodeAfterALabelInTheMiddleOfASentence() {
        assertThat(reference("Ihre Buchung mit dem Buchungscode Q7WERZ ist bestätigt.")).contains("Q7WERZ");
        assertThat(reference("Vielen Dank, Ihre Buchungsnummer ABC12D wurde gespeichert.")).contains("ABC12D");
        assertThat(reference("Nous avons le plaisir de vous confirmer que votre réservation (référence ABCDEF) est "
                + "confirmée.")).contains("ABCDEF");
        assertThat(reference("Le confirmamos que su localizador es KQWZTB y que el pago se ha realizado."))
                .contains("KQWZTB");
        assertThat(reference("Grazie! Il codice di prenotazione è K7Q2MX.")).contains("K7Q2MX");
        assertThat(reference("Bedankt voor uw boeking, uw boekingscode is TQ7ZKW.")).contains("TQ7ZKW");
        assertThat(reference("Thank you, your record locator is LH/ZXCVBN.")).contains("ZXCVBN");
        assertThat(reference("Merci, votre numéro de dossier 48213377 est enregistré.")).contains("48213377");
        assertThat(reference("Booking Ref. No.: K7Q2MX")).contains("K7Q2MX");
        assertThat(reference("Hi Mark, your confirmation #KWQZTB is attached.")).contains("KWQZTB");
        assertThat(reference("N° de dossier : QWZKTM")).contains("QWZKTM");
        assertThat(reference("Nº de reserva: QWZKTM")).contains("QWZKTM");
        assertThat(reference("Airline Reservation Code: UA/QWZKTM")).contains("QWZKTM");
        assertThat(reference("Conf #: 48213377")).contains("48213377");
        assertThat(reference("Confirmation Nbr: QWZKTM")).contains("QWZKTM");
    }

    @Test
    void readsSixCapitalsUnderABookingWord() {
        assertThat(reference("Confirmation: QWERTZ")).contains("QWERTZ");
        assertThat(reference("Reservation: QWERTZ")).contains("QWERTZ");
        assertThat(reference("Booking: QWERTZ")).contains("QWERTZ");
        assertThat(reference("Buchung: QWERTZ")).contains("QWERTZ");
        assertThat(reference("Réservation : QWERTZ")).contains("QWERTZ");
        assertThat(reference("Reserva: QWERTZ")).contains("QWERTZ");
        assertThat(reference("Booking\nQWERTZ")).contains("QWERTZ");
    }

    @Test
    void takesNoStatusWordUnderABookingWord() {
        assertThat(reference("Booking: CONFIRMED")).isEmpty();
        assertThat(reference("Booking: ISSUED")).isEmpty();
        assertThat(reference("Reservation: ONLINE")).isEmpty();
        assertThat(reference("Confirmation: BOOKED")).isEmpty();
        assertThat(reference("Reservation: PENDING")).isEmpty();
        assertThat(reference("Buchung: STORNO")).isEmpty();
        assertThat(reference("Réservation : ANNULE")).isEmpty();
        assertThat(reference("Reserva: PAGADO")).isEmpty();
        assertThat(reference("Booking: ACTIVE")).isEmpty();
        assertThat(reference("Your booking reference is PENDING")).isEmpty();
    }

    @Test
    void takesNoCityOrNameUnderABookingWord() {
        assertThat(reference("Booking: MUNICH")).isEmpty();
        assertThat(reference("Reservation: BERGER\nDear Anna Berger, thank you.")).isEmpty();
        assertThat(reference("Booking: BERGER\nPassenger: BERGER/ANNA MS")).isEmpty();
    }

    @Test
    void readsARefQualifiedByASystemOrAnAirline() {
        assertThat(reference("Amadeus Ref: QWERTZ  Airline Ref: LH/ZXCVBN")).contains("QWERTZ");
        assertThat(reference("Airline Ref: LH/ZXCVBN")).contains("ZXCVBN");
        assertThat(reference("Sabre Ref. KQWZTB")).contains("KQWZTB");
        assertThat(reference("Lufthansa Ref: Q7WERZ")).contains("Q7WERZ");
        assertThat(reference("Issued by: Reisebüro Sonne, LH Ref: K2MQZT")).contains("K2MQZT");
        assertThat(reference("Réf. Amadeus : QWERTZ")).contains("QWERTZ");
        assertThat(reference("Galileo locator: 7KQ2MX")).contains("7KQ2MX");
        assertThat(reference("Airline Ref\nLH/ZXCVBN")).contains("ZXCVBN");
    }

    @Test
    void takesAnAirlineTicketsNumberOnlyAsTheLastResortAndNeverOnAFlight() {
        java.util.List<String> lines = MailLines.ofText("Ticket number: 125 2419876543");
        // a rail or event ticket's only code
        assertThat(Labels.reference(lines, "", () -> true)).contains("125 2419876543");
        // on a flight it is one passenger's coupon
        assertThat(Labels.reference(lines, "", () -> false)).isEmpty();
        assertThat(Labels.reference(MailLines.ofText("Ticket number: 220-1234567890"), "", () -> false)).isEmpty();
        // a booking site's 13-digit itinerary number under its own label is a reference like any other
        assertThat(Labels.reference(MailLines.ofText("Itinerary # 7301234567890"), "", () -> false))
                .contains("7301234567890");
        assertThat(Labels.reference(lines, "Booking confirmation K7Q2MX", () -> false)).contains("K7Q2MX");
    }

    @Test
    void readsACodeGluedToRefsDotInASubject() {
        assertThat(subject("Itinerary for BERGER/ANNA MS - Ref.K7Q2MX")).contains("K7Q2MX");
        assertThat(subject("Trip ref.ABC123")).contains("ABC123");
        assertThat(subject("ReiseplanK7Q2MX")).isEmpty();
    }

    @Test
    void readsTheWholeWordReferenceNeverItsTailAsTheCode() {
        // "REF" + "ERENCE" was read as a qualified Ref and its code (review of the seventh session)
        assertThat(reference("FLIGHT REFERENCE: 123456789")).contains("123456789");
        assertThat(reference("BOOKING REFERENCE: 123456789")).contains("123456789");
        // a subject's nine digits after "reference" alone, six capitals after "Trip reference": not taken
        assertThat(subject("RESERVATION REFERENCE: 123456789")).isEmpty();
        assertThat(subject("FLIGHT REFERENCE QWERTZ")).contains("QWERTZ");
        assertThat(subject("TRIP REFERENCE: QWERTZ")).isEmpty();
    }

    @Test
    void takesNoRefOfAnInvoiceOrACustomer() {
        assertThat(reference("Customer Ref: QWERTZ")).isEmpty();
        assertThat(reference("Invoice Ref: 4KQ7ZT")).isEmpty();
        assertThat(reference("Our ref: KQWZTB")).isEmpty();
    }

    @Test
    void readsATripsNumber() {
        assertThat(reference("Trip ID: 7123456789")).contains("7123456789");
        assertThat(reference("Itinerary ID: 72-1893-4471")).contains("72-1893-4471");
        assertThat(reference("Reisenummer: 4471829")).contains("4471829");
        assertThat(reference("Numéro de voyage : 88412093")).contains("88412093");
    }

    @Test
    void readsACodeInASubjectAfterPapersOrRefWords() {
        assertThat(subject("Your e-ticket receipt QWERTZ")).contains("QWERTZ");
        assertThat(subject("Itinerary for BERGER/ANNA MS - Ref QWERTZ")).contains("QWERTZ");
        assertThat(subject("E-Ticket Receipt K7Q2MX - Munich to Hamburg")).contains("K7Q2MX");
        assertThat(subject("Travel itinerary: K7WZTB")).contains("K7WZTB");
        assertThat(subject("Trip ID 7123456789 - your flights")).contains("7123456789");
        assertThat(subject("Reiseplan Q2WMKD")).contains("Q2WMKD");
        assertThat(subject("Booking code XKQWTB")).contains("XKQWTB");
        assertThat(subject("Booking confirmation: QWZKTM")).contains("QWZKTM");
        assertThat(subject("Reserva: QWZKTM - Madrid a Palma")).contains("QWZKTM");
    }

    @Test
    void takesNoWordNameCityDateOrFlightInASubject() {
        assertThat(subject("Your itinerary UPDATE")).isEmpty();
        assertThat(subject("Itinerary RAHMED")).isEmpty(); // an agent's tag for the traveller, no locator
        assertThat(subject("E-ticket receipt BERGER/ANNA MS")).isEmpty();
        assertThat(subject("E-ticket receipt BERGER ANNA MS")).isEmpty();
        assertThat(subject("Your e-ticket receipt MUNICH - HAMBURG")).isEmpty();
        assertThat(subject("Itinerary 12MAR27 MUC-HAM")).isEmpty();
        assertThat(subject("Your e-ticket LH2024 Munich - Hamburg")).isEmpty();
        assertThat(subject("Ref 2027")).isEmpty();
        assertThat(subject("Booking: CANCEL")).isEmpty();
        assertThat(subject("Reservation: BERGER ANNA")).isEmpty();
        assertThat(subject("Booking: MADRID")).isEmpty();
        assertThat(subject("Booking UPDATE for your trip")).isEmpty();
        assertThat(subject("Your e-ticket receipt 2201234567890")).isEmpty();
    }

    @Test
    void takesNoDatePhoneFlightAirportFareBasisOrTicketNumberForAReference() {
        assertThat(reference("Please quote your booking reference when you call +49 89 1234567.")).isEmpty();
        assertThat(reference("Your booking code 12MAR27 applies to flight LH2024.")).isEmpty();
        assertThat(reference("Flight LH2024 from MUC to HAM, fare basis YLOWDE, booking class Y.")).isEmpty();
        assertThat(reference("Ticket number: 220-1234567890\nConfirmation: QWERTZ")).contains("QWERTZ");
        assertThat(reference("Ticket number: 2201234567890\nAmadeus Ref: K7Q2MX")).contains("K7Q2MX");
        assertThat(reference("E-ticket 2201234567890 / Booking: 2201234567890")).isEmpty();
        assertThat(reference("Please note that with booking code LH2024 only hand luggage is included.")).isEmpty();
        assertThat(reference("Confirmation: FRA")).isEmpty();
        assertThat(reference("Fare basis: YLOWDE2  Booking class: Y")).isEmpty();
        assertThat(reference("Reservation: 0800 123456")).isEmpty();
        assertThat(reference("Sale! Use booking code SPRING27 at checkout.")).isEmpty();
        assertThat(reference("Great news, with booking code SUMMER2027 you save 20%.")).isEmpty();
        assertThat(reference("Buchung: 12MAR27")).isEmpty();
    }
}
