package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailsift.connector.JsonLd;

class PrintedSendDateTest {

    @Test
    void takesTheIssueDateBeforeEarlierDates() {
        List<String> lines = List.of("Valid from 02 January 2019", "Date of issue: 14 January 2019",
                " 1  AF 1580 Y 04MAR 1 CDGNCE HK1  0710 0840");

        assertThat(PrintedSendDate.in(lines)).contains(LocalDate.of(2019, 1, 14));
    }

    @Test
    void takesTheEarliestDatePrintedWithItsYearWhenNoLineSaysWhenTheBookingWasMade() {
        List<String> lines = List.of("RP/LONEG2100/LONEG2100  AA/SU  12JAN17/1010Z   6TQ8WX",
                "  2  BA 117 J 14FEB 2 LHRJFK HK1  1125 1430", "Fare valid until 31DEC2017");

        assertThat(PrintedSendDate.in(lines)).contains(LocalDate.of(2017, 1, 12));
    }

    @Test
    void passesOverBirthAndExpiryDatesAndDatesWithoutYear() {
        List<String> lines = List.of("Date of birth: 07 January 1976", "Passport expiry: 05 June 2023",
                "SI.P3/SSRDOCSDLHK1/P/CH/E12345678/CH/07JAN07/F/05JUN23/KONQUI/LITTLE", "Flight on 20 January");

        assertThat(PrintedSendDate.in(lines)).isEmpty();
    }

    @Test
    void passesOverAPassportsIssueDate() {
        List<String> lines = List.of("Passport: X123, date of issue 15.03.2019, expiry 14.03.2029",
                "  2  BA 117 J 14FEB 2 LHRJFK HK1  1125 1430");

        assertThat(PrintedSendDate.in(lines)).isEmpty();
    }

    @Test
    void readsACzechIssueLine() {
        List<String> lines = List.of("Jízdenka", "Datum vystavení/datum platby: 7.8.2017 13:18", "Platí 10.08.2017");

        assertThat(PrintedSendDate.in(lines)).contains(LocalDate.of(2017, 8, 7));
    }

    @Test
    void takesNoFooterOrMembershipDateForTheEarliest() {
        List<String> lines = List.of("Your booking is confirmed", "Travel on 12 January 2027",
                "Member since 05 Feb 2010", "Conditions of carriage of 1 June 2012", "© 2 March 2011 Example Rail");

        assertThat(PrintedSendDate.in(lines)).contains(LocalDate.of(2027, 1, 12));
    }

    @Test
    void readsAMailOfManyDatesInLinearTime() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add("Fare row " + i + ": 12.03.2027 14.03.2027 16.03.2027");
        }

        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(PrintedSendDate.in(lines)).contains(LocalDate.of(2027, 3, 12)));
    }

    @Test
    void anUndatedMailsLegsAreDatedFromTheDayItsTextGivesNotAPassportsIssueDate() {
        List<String> lines = List.of("Booking reference: 6TQ8WX",
                "Passport: X123, date of issue 15.03.2019, expiry 14.03.2029",
                "  2  BA 117 J 14FEB 2 LHRJFK HK1  1125 1430");

        assertThat(new TextReservations(lines, LocalDate.of(2027, 1, 10), false).extract("Your itinerary"))
                .extracting(found -> JsonLd.text(found, "reservationFor", "departureTime"))
                .isNotEmpty().allSatisfy(time -> assertThat(time).hasValueSatisfying(t -> assertThat(t).startsWith("2027-02-14")));
    }
}
