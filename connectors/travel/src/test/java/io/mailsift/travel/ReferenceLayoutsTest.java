package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceLayoutsTest {

    private static java.util.Optional<String> reference(String text) {
        return Labels.reference(MailLines.ofText(text));
    }

    @Test
    void readsTheReferenceColumnUnderAHeaderRowOfLabels() {
        assertThat(reference("Passenger name      Booking reference      Date of issue\n"
                + "NOVAK/PETR MR       7RKM2Q                 27NOV26")).contains("7RKM2Q");
    }

    @Test
    void readsTheReferenceCellAfterAHeaderRowWhoseCellsAreLinesOfTheirOwn() {
        assertThat(Labels.reference(java.util.List.of("Booking reference", "Booking date", "Total price", "QXMTAB",
                "27/11/2026", "EUR 420.00"))).contains("QXMTAB");
        assertThat(Labels.reference(java.util.List.of("Booking date", "Booking reference", "Total price",
                "27/11/2026", "Q7MTAB", "EUR 420.00"))).contains("Q7MTAB");
    }

    @Test
    void readsALabelWithAnAirlinesNameAroundIt() {
        assertThat(reference("Vielen Dank. Ihr Condor Buchungscode: K4TZ9P")).contains("K4TZ9P");
        assertThat(reference("Su código de reserva Vueling es Q7WMZK")).contains("Q7WMZK");
        assertThat(reference("Your SWISS booking reference is LXQ2MK")).contains("LXQ2MK");
    }

    @Test
    void readsTheCodeBeforeItsLabel() {
        assertThat(reference("Thank you! 6TQ8WX is your booking reference.")).contains("6TQ8WX");
        assertThat(reference("Q2WMKD ist Ihr Lufthansa Buchungscode")).contains("Q2WMKD");
    }

    @Test
    void readsACodeInASentenceThatSaysTheBookingIsConfirmed() {
        assertThat(reference("Your booking K7Q2MX is confirmed.")).contains("K7Q2MX");
        assertThat(reference("Ihre Buchung K7Q2MX ist bestätigt.")).contains("K7Q2MX");
        assertThat(reference("Votre réservation K7Q2MX est confirmée")).contains("K7Q2MX");
        assertThat(reference("Booking confirmation K7Q2MX")).contains("K7Q2MX");
        assertThat(reference("Your booking SUMMER is confirmed")).isEmpty();
    }

    @Test
    void readsALabelInTwoLanguages() {
        assertThat(reference("Buchungscode / Booking code: 2FX8TL")).contains("2FX8TL");
    }

    @Test
    void readsTheCodeUnderALabelWithItsAbbreviationOrAnAirlinesName() {
        assertThat(reference("Buchungsnummer (PNR)\nABCDEF")).contains("ABCDEF");
        assertThat(reference("Your Lufthansa booking code\nQ2W7KD")).contains("Q2W7KD");
    }

    @Test
    void readsASixLetterLocatorInASubjectOnlyAfterALabelThatNamesACode() {
        assertThat(Labels.referenceInSubject("Ihre Buchungsbestätigung - Buchungscode XKQWTB")).contains("XKQWTB");
        assertThat(Labels.referenceInSubject("PNR: LMQTZA - your itinerary")).contains("LMQTZA");
        assertThat(Labels.referenceInSubject("Booking UPDATE for your trip")).isEmpty();
    }

    @Test
    void takesNoWordForACode() {
        assertThat(reference("Your booking reference is CONFIRMED")).isEmpty();
        assertThat(reference("Booking reference      Date of issue\nPENDING                27NOV26")).isEmpty();
        assertThat(reference("Your Lufthansa booking code\nwill follow by e-mail")).isEmpty();
    }
}
