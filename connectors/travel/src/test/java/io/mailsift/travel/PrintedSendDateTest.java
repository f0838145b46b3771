package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

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
}
