package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitReferencesTest {

    private static java.util.Optional<String> reference(String text) {
        return Labels.reference(MailLines.ofText(text));
    }

    @Test
    void readsAHotelsNumberInDigitsAlone() {
        assertThat(reference("Confirmation: 3318840276")).contains("3318840276");
    }

    @Test
    void doesNotTakeADateOrAPhoneNumberForAReference() {
        assertThat(reference("Buchung: 12.03.2027")).isEmpty();
        assertThat(reference("Booking: 2027-03-12")).isEmpty();
        assertThat(reference("Reservation: 0800-123-4567")).isEmpty();
        assertThat(reference("Booking: 2027/03/12")).isEmpty();
    }
}
