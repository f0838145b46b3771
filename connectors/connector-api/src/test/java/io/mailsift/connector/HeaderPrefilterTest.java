package io.mailsift.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderPrefilterTest {

    private final HeaderPrefilter prefilter = HeaderPrefilter.of(
            List.of("vol", "reserv*", "*buchung*", "boarding pass", "e-ticket", "lufthansa"));

    @Test
    void shouldMatchAWordOnlyAsAWholeWord() {
        assertThat(prefilter.accepts(subject("Vol AF1234 confirmé"))).isTrue();
        assertThat(prefilter.accepts(subject("Volume discount"))).isFalse();
    }

    @Test
    void shouldMatchAStemAtTheStartOfAWordWhateverTheAccentsAndCase() {
        assertThat(prefilter.reason(subject("Votre RÉSERVATION"))).contains("subject: reserv*");
        assertThat(prefilter.accepts(subject("Reservierung"))).isTrue();
        assertThat(prefilter.accepts(subject("Unreserved seating"))).isFalse();
    }

    @Test
    void shouldMatchAPartInsideACompound() {
        assertThat(prefilter.reason(subject("Ihre Flugbuchungsbestätigung"))).contains("subject: *buchung*");
    }

    @Test
    void shouldMatchAPhraseAsConsecutiveWordsWhateverTheSeparators() {
        assertThat(prefilter.accepts(subject("Your boarding-pass"))).isTrue();
        assertThat(prefilter.accepts(subject("Your E-Ticket"))).isTrue();
        assertThat(prefilter.accepts(subject("boarding the pass"))).isFalse();
    }

    @Test
    void shouldLookAtTheSendersNameAndAddress() {
        assertThat(prefilter.reason(headers("Ihre Unterlagen", "online@booking-lufthansa.com", null)))
                .contains("sender address: lufthansa");
        assertThat(prefilter.reason(headers("Hello", "x@example.com", "Lufthansa"))).contains("sender name: lufthansa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fwd: x", "FW: x", "WG: x", "TR : x", "RV: x", "Enc: x", "I: x", "VS: x", "Doorst: x",
            "Re: Fwd: x", "AW: WG: x", "Fwd[2]: x", "[Fwd: x]", "x (fwd)"})
    void shouldAcceptEveryForward(String subject) {
        assertThat(prefilter.reason(subject(subject))).contains("forward");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Re: x", "Trip notes", "I went there", "Fwdx: y", "Ticket: x", ""})
    void shouldNotTakeOtherSubjectsForForwards(String subject) {
        assertThat(HeaderPrefilter.isForward(subject)).isFalse();
    }

    @Test
    void shouldAcceptAConfiguredTopLevelContentTypeOnly() {
        HeaderPrefilter calendars = prefilter.orContentType("text/calendar");
        EmailHeaders invitation = new EmailHeaders(null, "x", "a@example.org", null, List.of(), null,
                Map.of("Content-Type", List.of("TEXT/CALENDAR; method=REQUEST")));

        assertThat(calendars.reason(invitation)).contains("content type: text/calendar");
        assertThat(prefilter.accepts(invitation)).isFalse();
    }

    @Test
    void shouldRejectTermsItCannotMatch() {
        assertThatThrownBy(() -> HeaderPrefilter.of(List.of("*suffix"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderPrefilter.of(List.of("--"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFoldTextToLowerCaseWordsWithoutAccents() {
        assertThat(HeaderPrefilter.fold("  Straße -- Bestätigung: É-Ticket! ")).isEqualTo("strasse bestatigung e ticket");
    }

    private static EmailHeaders subject(String subject) {
        return headers(subject, "someone@example.org", null);
    }

    private static EmailHeaders headers(String subject, String from, String fromName) {
        return new EmailHeaders(null, subject, from, fromName, List.of(), null, Map.of());
    }
}
