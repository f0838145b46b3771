package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AirSegmentDayHeadingsTest {

    private static List<String> departures(String heading) {
        List<String> lines = List.of(heading, "AIR   AMERICAN AIRLINES    FLT:1364   ECONOMY",
                "LV KANSAS CITY INTL          710A", "AR BOSTON                    122P");
        return AirSegmentBlocks.read(lines, LocalDate.of(2002, 6, 1)).reservations().stream()
                .map(r -> String.valueOf(((Map<?, ?>) r.get("reservationFor")).get("departureTime")))
                .toList();
    }

    @Test
    void readsTheDayHeadingInTheFormatsReservationSystemsPrint() {
        assertThat(departures("19 JUN 02  -  WEDNESDAY")).singleElement().asString().startsWith("2002-06-19T07:10");
        assertThat(departures("WEDNESDAY 19 JUNE 2002")).singleElement().asString().startsWith("2002-06-19T07:10");
        assertThat(departures("19JUN02")).singleElement().asString().startsWith("2002-06-19T07:10");
    }

    @Test
    void readsNoDayFromALineThatIsNoHeading() {
        assertThat(departures("19 JUN 2002")).isEmpty();
        assertThat(departures("DATE: 19JUN02")).isEmpty();
    }
}
