package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailsift.travel.DateTimes.Found;

/**
 * Rules a review made narrower: a hotel brand that is an ordinary word, a colleague's seats, a table of alike rows,
 * a web address's date, a US stay's range, an admission's words in one place, a competition's round.
 */
class ReviewedReadingRulesTest {

    private static final LocalDate SENT = LocalDate.of(2026, 12, 1);

    @Test
    void aBrandThatIsAnOrdinaryWordNamesNoStay() {
        assertThat(HotelBrands.named("Your tickets for Hampton Court Palace Festival\nFrom: 12/06/2027\nTo: 12/06/2027"))
                .isFalse();
        assertThat(HotelBrands.named("Conrad wrote: see you at the Renaissance exhibition")).isFalse();
        assertThat(HotelBrands.named("Earn points with Marriott Bonvoy")).isFalse();
    }

    @Test
    void aBrandBesideAPlaceOrWithAStaysWordsNamesAHouse() {
        assertThat(HotelBrands.named("Welcome to the Hilton Edinburgh Carlton")).isTrue();
        assertThat(HotelBrands.named("Chicago Marriott\nDowntown")).isTrue();
        assertThat(HotelBrands.named("Your stay at the novotel: 2 nights, 1 room")).isFalse();
        assertThat(HotelBrands.named("Your booking at Novotel.\n2 nights, 1 room")).isTrue();
    }

    @Test
    void theLongestBrandIsReadWhole() {
        assertThat(HotelBrands.first("Hilton Garden Inn Frankfurt Airport")).contains("Hilton Garden Inn");
        assertThat(HotelBrands.first("Hilton Edinburgh Carlton")).contains("Hilton");
    }

    @Test
    void aBrandsOwnWordIsNoLoyaltyWord() {
        assertThat(HotelBrands.heading(List.of("Motel One Berlin-Mitte", "Check-in 12 March"))).contains(
                "Motel One Berlin-Mitte");
        assertThat(HotelBrands.heading(List.of("Hilton Honors Members", "Motel One Club"))).isEmpty();
    }

    @Test
    void aColleaguesSeatedInvitationIsNoShow() {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
                "DTSTART:20270318T150000Z", "DTEND:20270318T153000Z",
                "ORGANIZER;CN=Priya Shah:mailto:priya.shah@example.com",
                "ATTENDEE;CN=sam@example.com;PARTSTAT=NEEDS-ACTION:mailto:sam@example.com", "SUMMARY:Team photo",
                "LOCATION:Atrium", "DESCRIPTION:Team photo: Row B\\, seats 4-6", "END:VEVENT", "END:VCALENDAR", "");
        assertThat(CalendarReservations.extract(calendar, List.of(), "Invitation: Team photo")).isEmpty();
    }

    @Test
    void manyAlikeHeaderRowsAreRegroupedInLinearTime() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add("Flight\tFlight"); // each line a row under the one before: every line a table's heading
        }
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(LegColumns.regrouped(lines)).isSameAs(lines));
    }

    @Test
    void legsSideBySideAreStillRegrouped() {
        List<String> lines = List.of("Outbound\tReturn", "Outbound\tU2 2261", "Return\tU2 2262",
                "Outbound\tLondon Gatwick (LGW)", "Return\tMilan Malpensa (MXP)");
        assertThat(LegColumns.regrouped(lines)).containsExactly("Outbound\tReturn", "Outbound\tU2 2261",
                "Outbound\tLondon Gatwick (LGW)", "Return\tU2 2262", "Return\tMilan Malpensa (MXP)");
    }

    @Test
    void aWebAddressesPathIsNoDate() {
        assertThat(DateTimes.dates("https://news.example/2027/03/15/article", SENT, false)).isEmpty();
        assertThat(DateTimes.dates("see example.com?d=2027/03/15", SENT, false)).isEmpty();
        assertThat(DateTimes.dates("Departure 2027/03/15 10:20", SENT, false)).extracting(Found::value)
                .containsExactly(LocalDate.of(2027, 3, 15));
        assertThat(DateTimes.dates("Date:2027/03/15", SENT, false)).extracting(Found::value)
                .containsExactly(LocalDate.of(2027, 3, 15));
    }

    @Test
    void aCapitalLabelOpeningALineStillGivesItsClock() {
        assertThat(DateTimes.times("  DEPART   ZURICH, CH        0945").stream().map(Found::value))
                .contains(LocalTime.of(9, 45));
        assertThat(DateTimes.times("ARRIVAL\tLONDON HEATHROW  1130").stream().map(Found::value))
                .contains(LocalTime.of(11, 30));
    }

    @Test
    void aUsStaysRangeReadsTheMonthFirst() {
        assertThat(StayDates.in("03/12 – 03/14/2027", SENT, true))
                .contains(new StayDates.Range(LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 14)));
        assertThat(StayDates.in("12/03 – 14/03/2027", SENT, false))
                .contains(new StayDates.Range(LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 14)));
    }

    @Test
    void anAdmissionsWordsAreOneDefinitionAcrossLanguages() {
        assertThat(PersonalInvitations.TICKET_WORDS).isSameAs(AdmissionWords.TICKETS);
        for (String word : List.of("Tickets", "billets", "e-tickets", "Eintrittskarten", "entradas", "biglietti",
                "boletos", "localidades")) {
            assertThat(AdmissionWords.TICKETS.matcher("Your " + word + " are ready").find()).as(word).isTrue();
        }
        assertThat(AdmissionWords.TICKETS.matcher("Doors open at 7, seats are free").find()).isFalse();
    }

    @Test
    void aMatchsRoundIsReadInGeneralWords() {
        for (String round : List.of("Ligue 1, 26e journée", "Serie A, 12ª giornata", "LaLiga, Jornada 30",
                "Eredivisie, speelronde 8", "Premier League, Matchday 30", "2. Bundesliga, 26. Spieltag")) {
            List<String> lines = List.of("FC Nordhafen – SV Elbtal", round, "Sa., 20.03.2027");
            assertThat(CardLines.nameAbove(lines, 2)).as(round).contains("FC Nordhafen – SV Elbtal");
        }
    }
}
