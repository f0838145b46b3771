package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import io.mailsift.travel.DateTimes.Found;
import org.junit.jupiter.api.Test;

class DateTimesTest {

    private static final LocalDate SENT = LocalDate.of(2026, 11, 20);

    private static LocalDate firstDate(String text, boolean monthFirst) {
        return DateTimes.dates(text, SENT, monthFirst).getFirst().value();
    }

    @Test
    void readsDatesInFourLanguagesAndTheCommonNumericAndAirlineForms() {
        assertThat(firstDate("Thursday, 4 March 2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("March 4, 2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("Donnerstag, 4. März 2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("jeudi 4 mars 2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("jueves, 4 de marzo de 2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("04.03.2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("04/03/2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("03/04/2027", true)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("2027-03-04", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("04MAR27", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("04-Mar-2027", false)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(firstDate("04-MAR-27", false)).isEqualTo(LocalDate.of(2027, 3, 4));
    }

    @Test
    void aDateWithoutYearIsTheNextOneAfterTheMail() {
        assertThat(firstDate("Sat 6 Mar", false)).isEqualTo(LocalDate.of(2027, 3, 6));
        assertThat(firstDate("28 Nov", false)).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void aWeekdayMakesDayAndMonthWithoutYearADate() {
        assertThat(firstDate("am Sa., 13.03. um 19:30 Uhr", false)).isEqualTo(LocalDate.of(2027, 3, 13));
        assertThat(firstDate("samedi 13/03 à 20h", false)).isEqualTo(LocalDate.of(2027, 3, 13));
        assertThat(firstDate("Sat 3/13 at 7:30 PM", true)).isEqualTo(LocalDate.of(2027, 3, 13));
        assertThat(DateTimes.dates("Tisch 13.03. und Zimmer 2.4", SENT, false)).isEmpty();
    }

    @Test
    void readsBritishTimesWithADot() {
        assertThat(DateTimes.times("7.30pm (doors 6.45 pm)").stream().map(Found::value))
                .containsExactly(LocalTime.of(19, 30), LocalTime.of(18, 45));
        assertThat(DateTimes.times("Gate 7.30")).isEmpty();
    }

    @Test
    void findsMonthNamesThatBeginWithTheLettersAllowedBetweenDayAndMonth() {
        // the patterns are only tried where a date can start: "de", "th", "er" before the month are skipped over, a
        // month spelled with the same letters ("dec", "sept", "dic") must not be
        assertThat(firstDate("4 dec 2027", false)).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(firstDate("4th December 2027", false)).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(firstDate("4 de diciembre de 2027", false)).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(firstDate("le 1er sept. 2027", false)).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(firstDate("(ab 4.\tDEZ 2027)", false)).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(firstDate("Dep. 12 Dec", false)).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(firstDate("Réf. 123 Dec 5, 2027", false)).isEqualTo(LocalDate.of(2027, 12, 5));
    }

    @Test
    void readsNoDateFromAMonthNameInsideAWordOrAfterThreeDigits() {
        assertThat(DateTimes.dates("Gate 123 March", SENT, false)).isEmpty();
        assertThat(DateTimes.dates("Summarch 4", SENT, false)).isEmpty();
    }

    @Test
    void readsTimesIn24And12HourForms() {
        assertThat(DateTimes.times("10:15 10h15 20h 7.20 Uhr 7:20 PM 7 am").stream().map(Found::value))
                .containsExactly(LocalTime.of(10, 15), LocalTime.of(10, 15), LocalTime.of(20, 0),
                        LocalTime.of(7, 20), LocalTime.of(19, 20), LocalTime.of(7, 0));
    }

    @Test
    void readsTwelveHourTimesWrittenWithADot() {
        assertThat(DateTimes.times("Departs 7.05pm, arrives 9.40 a.m.").stream().map(Found::value))
                .containsExactly(LocalTime.of(19, 5), LocalTime.of(9, 40));
        assertThat(DateTimes.times("Total 7.05 EUR")).isEmpty();
    }

    @Test
    void readsANumericDateWithoutYearOnlyAfterAWeekday() {
        assertThat(firstDate("Do., 06.05.  TP 573", false)).isEqualTo(LocalDate.of(2027, 5, 6));
        assertThat(firstDate("ven. 12/03", false)).isEqualTo(LocalDate.of(2027, 3, 12));
        assertThat(firstDate("Fri 3/12", true)).isEqualTo(LocalDate.of(2027, 3, 12));
        assertThat(DateTimes.dates("Total 12.03 EUR", SENT, false)).isEmpty();
    }

    @Test
    void readsTicketReceiptTimesAndNoDurations() {
        assertThat(DateTimes.times("LV LONDON HEATHROW 0640A AR FRANKFURT 0155P").stream().map(Found::value))
                .containsExactly(LocalTime.of(6, 40), LocalTime.of(13, 55));
        assertThat(DateTimes.times("IB 3163 Y 14APR 0715 YFLEX / ARRIVAL TIME: 1040").stream().map(Found::value))
                .containsExactly(LocalTime.of(7, 15), LocalTime.of(10, 40));
        assertThat(DateTimes.times("Flight time 6h 40m, stopover 1:35 min, in 2027 1040 passengers")).isEmpty();
    }
}
