package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Stops of rail and coach itineraries paired into legs, and the lines of a replaced schedule left out. */
class JourneyStopsTest {

    private static List<String> legs(String... lines) {
        return JourneyStops.legs(List.of(lines), String::strip).stream()
                .map(leg -> leg.from().place() + " " + leg.from().time() + " > " + leg.to().place() + " "
                        + leg.to().time())
                .toList();
    }

    @Test
    void pairsADepartureWithTheArrivalAfterItAcrossAChangeOfTrains() {
        assertThat(legs("Köln Hbf\t15.04.\tab 07:43\t4\tICE 1023", "Frankfurt(Main)Hbf\t15.04.\tan 08:47\t8",
                "Frankfurt(Main)Hbf\t15.04.\tab 09:02\t13\tICE 691", "München Hbf\t15.04.\tan 12:19\t19"))
                .containsExactly("Köln Hbf 07:43 > Frankfurt(Main)Hbf 08:47",
                        "Frankfurt(Main)Hbf 09:02 > München Hbf 12:19");
    }

    @Test
    void takesANumberAloneUnderAPlaceThatIsNoTimeForNoStop() {
        assertThat(legs("Seat reservation", "8.15", "Bristol Temple Meads", "12.50")).isEmpty();
    }

    @Test
    void pairsUnmarkedStopsTwoByTwo() {
        assertThat(legs("09:00", "London Kings Cross", "10:52\tYork", "Change at York", "11:10", "York",
                "11:58\tScarborough"))
                .containsExactly("London Kings Cross 09:00 > York 10:52", "York 11:10 > Scarborough 11:58");
    }

    @Test
    void readsWordedStopsOneLineLegsAndSentences() {
        assertThat(legs("Departs London St Pancras International 08:16", "Arrives Brussels-Midi 11:20 (local time)"))
                .containsExactly("London St Pancras International 08:16 > Brussels-Midi 11:20");
        assertThat(legs("Zürich HB ab 09:02 → Bern an 09:58, IC 8, Gleis 31"))
                .containsExactly("Zürich HB 09:02 > Bern 09:58");
        assertThat(legs("Départ le 19/03/2027 à 07h56 de Paris Gare de Lyon, arrivée à 09h57 à Lyon Part-Dieu."))
                .containsExactly("Paris Gare de Lyon 07:56 > Lyon Part-Dieu 09:57");
    }

    @Test
    void dropsAnOverviewLineSpanningTheLegs() {
        assertThat(legs("Hamburg Hbf 08:01 – Basel SBB 14:52", "Hamburg Hbf ab 08:01 Gleis 13, ICE 71",
                "Mannheim Hbf an 12:06 Gleis 3", "Mannheim Hbf ab 12:20 Gleis 4, ICE 277", "Basel SBB an 14:52 Gleis 9"))
                .containsExactly("Hamburg Hbf 08:01 > Mannheim Hbf 12:06", "Mannheim Hbf 12:20 > Basel SBB 14:52");
    }

    @Test
    void findsNoLegInALoneStopOrInProse() {
        assertThat(legs("Abfahrt 08:24 Hamburg Hbf")).isEmpty();
        assertThat(legs("Please be at the stop at least 15 minutes before departure.", "Total: 45,00 €")).isEmpty();
    }

    @Test
    void leavesOutTheJourneyAScheduleChangeReplaces() {
        List<String> lines = List.of("Ihre neue Verbindung am Freitag, 07.05.2027:", "Hamburg Hbf ab 07:46",
                "Bisherige Verbindung:", "Hamburg Hbf ab 08:01", "Neue Abfahrtszeit bestätigt", "Previously: 09:00 York");

        assertThat(SupersededLines.removed(lines)).containsExactly("Ihre neue Verbindung am Freitag, 07.05.2027:",
                "Hamburg Hbf ab 07:46", "Neue Abfahrtszeit bestätigt");
        assertThat(JourneyStops.legs(List.of("07:04 Paris Montparnasse", "10:12 Bordeaux Saint-Jean"), String::strip)
                .getFirst().to().time()).isEqualTo(LocalTime.of(10, 12));
    }

    @Test
    void leavesAReplacedFlightToTheFlightRules() {
        // a rebooking's cancelled flight is a leg the flight rules drop beside the new one, or keep when alone
        List<String> lines = List.of("Original flight:", "LH 400 Frankfurt (FRA) 10:35 - New York (JFK) 13:20",
                "Your rebooked flight:", "LH 402 Frankfurt (FRA) 13:10 - New York (JFK) 15:55");

        assertThat(SupersededLines.removed(lines)).isSameAs(lines);
    }
}
