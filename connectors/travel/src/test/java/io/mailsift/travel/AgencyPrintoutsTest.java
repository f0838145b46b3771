package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Travel agencies' reservation-system printouts, whose legs name airlines and airports in words. */
class AgencyPrintoutsTest {

    private static final List<String> BLOCKS = List.of(
            "   SALES PERSON: 53     ITINERARY            DATE: 04 JUN 02",
            "   19 JUN 02  -  WEDNESDAY",
            "      AIR   AMERICAN AIRLINES    FLT:1364   ECONOMY",
            "         LV KANSAS CITY INTL          710A           EQP: MD-80",
            "         AR CHICAGO OHARE             851A           NON-STOP",
            "            ARRIVE: TERMINAL 3                       REF: XDWQPL",
            "      AIR   AMERICAN AIRLINES    FLT:1190   ECONOMY",
            "         LV CHICAGO OHARE             1005A          EQP: BOEING 757",
            "         AR BOSTON                    122P           NON-STOP",
            "            ARRIVE: TERMINAL B                       REF: XDWQPL");

    @Test
    void readsEachAirBlockUnderItsDayHeadingWithTheAirlinesLocator() {
        AirSegmentBlocks.Printout printout = AirSegmentBlocks.read(BLOCKS, LocalDate.of(2002, 6, 2));

        assertThat(printout.reservations()).extracting(AgencyPrintoutsTest::leg).containsExactly(
                "AA 1364 MCI ORD 2002-06-19T07:10", "AA 1190 ORD BOS 2002-06-19T10:05");
        assertThat(printout.locator()).contains("XDWQPL");
    }

    /** "CHICAGO OHARE": O'Hare as reservation systems print it; "CHICAGO" alone names two airports. */
    @Test
    void takesTheAirportItsNameDecidesAndLeavesOutACityOfSeveral() {
        assertThat(AirSegmentBlocks.airport("CHICAGO OHARE").map(Airports.Airport::code)).contains("ORD");
        assertThat(AirSegmentBlocks.airport("NEW YORK JFK").map(Airports.Airport::code)).contains("JFK");
        assertThat(AirSegmentBlocks.airport("CHICAGO")).isEmpty();
    }

    /** A day no calendar has, in a heading or a table row, leaves its leg out instead of failing the mail. */
    @Test
    void leavesOutALegOfADayNoCalendarHas() {
        List<String> blocks = List.of("31 FEB 27  -  FRIDAY", "AIR   AMERICAN AIRLINES    FLT:1364   ECONOMY",
                "LV KANSAS CITY INTL          710A", "AR BOSTON                    122P");
        List<String> table = List.of("SERVICE\tDATE\tFROM\tTO\tDEPART\tARRIVE",
                "UNITED AIRLINES\t30FEB HOUSTON TX\tNEW YORK NY\t1030A\t302P", "UA 1712\tM\tSAT\tG.BUSH INTERCO");

        assertThat(AirSegmentBlocks.read(blocks, LocalDate.of(2027, 1, 1)).reservations()).isEmpty();
        assertThat(ServiceTableRows.read(table, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1)).reservations())
                .isEmpty();
    }

    @Test
    void leavesOutThePrintoutsPastLegs() {
        assertThat(AirSegmentBlocks.read(BLOCKS, LocalDate.of(2002, 7, 1)).reservations()).isEmpty();
    }

    private static Object code(Object airport) {
        return airport == null ? "-" : ((Map<?, ?>) airport).get("iataCode");
    }

    @Test
    void readsTheServiceTablesFlightAndHotelRowsWithTheCitiesAndAirportsTogether() {
        List<String> table = MailLines.ofText(String.join("\n",
                "                                             AGENT KW/KW BOOKING REF QXTRMB",
                "SERVICE               DATE  FROM           TO             DEPART  ARRIVE",
                "UNITED AIRLINES       24OCT HOUSTON TX     NEW YORK NY    1030A   302P",
                "UA 1712     M          SAT  G.BUSH INTERCO LA GUARDIA",
                "                            TERMINAL C     TERMINAL B",
                "HOTEL                 24OCT MARRIOTT EAST SIDE",
                "                      26OCT 525 LEXINGTON AVENUE"));

        AirSegmentBlocks.Printout printout = ServiceTableRows.read(table, LocalDate.of(2026, 10, 15),
                LocalDate.of(2026, 10, 13));

        assertThat(printout.reservations().getFirst()).extracting(AgencyPrintoutsTest::leg)
                .isEqualTo("UA 1712 IAH LGA 2026-10-24T10:30");
        assertThat(printout.reservations().get(1)).containsEntry("checkinTime", "2026-10-24")
                .containsEntry("checkoutTime", "2026-10-26").doesNotContainKey(AirSegmentBlocks.OWN_NUMBER);
        assertThat(printout.locator()).contains("QXTRMB");
    }

    static String leg(Map<String, Object> reservation) {
        Map<?, ?> flight = (Map<?, ?>) reservation.get("reservationFor");
        return ((Map<?, ?>) flight.get("airline")).get("iataCode") + " " + flight.get("flightNumber") + " "
                + code(flight.get("departureAirport")) + " " + code(flight.get("arrivalAirport")) + " "
                + String.valueOf(flight.get("departureTime")).substring(0, 16);
    }
}
