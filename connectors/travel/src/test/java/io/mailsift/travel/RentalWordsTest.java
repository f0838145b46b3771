package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Calendars and text mails tell a rental from a transfer by the same words. */
class RentalWordsTest {

    @Test
    void aCarClassInPortugueseIsARentalInACalendarAsInText() {
        assertThat(CalendarRentals.isRental("Reserva 4711", "Fiat 500 ou similar\nPick-up: Lisboa Aeroporto")).isTrue();
    }

    @Test
    void aTransferThatMeetsYouWithANameSignIsNoRentalInACalendar() {
        assertThat(CalendarRentals.isRental("Booking 4711",
                "Mercedes E-Class or similar\nWe meet you at arrivals with a name sign\nPick-up: Lisbon Airport"))
                .isFalse();
    }

    @Test
    void aRentersOwnDriverIsNoTransfer() {
        assertThat(RentalWords.TRANSFER.matcher("Additional driver included. Driver's licence required.").find())
                .isFalse();
        assertThat(RentalWords.TRANSFER.matcher("Your driver will wait at arrivals").find()).isTrue();
    }
}
