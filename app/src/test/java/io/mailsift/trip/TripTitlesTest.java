package io.mailsift.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TripTitlesTest {

    @Test
    void shouldJoinDaysOfOneMonthWithAnEnDash() {
        assertThat(TripTitles.title("Paris", LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 8)))
                .isEqualTo("Paris, 4–8 March 2027");
    }

    @Test
    void shouldNameBothMonthsAcrossAMonthAndBothYearsAcrossAYear() {
        assertThat(TripTitles.title("Lisbon", LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 3)))
                .isEqualTo("Lisbon, 28 February – 3 March 2027");
        assertThat(TripTitles.title("New York", LocalDate.of(2027, 12, 30), LocalDate.of(2028, 1, 2)))
                .isEqualTo("New York, 30 December 2027 – 2 January 2028");
    }

    @Test
    void shouldWriteOneDateForADayTrip() {
        assertThat(TripTitles.title("Berlin", LocalDate.of(2027, 12, 18), LocalDate.of(2027, 12, 18)))
                .isEqualTo("Berlin, 18 December 2027");
    }
}
