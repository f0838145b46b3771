package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SoleAirlineFlightsTest {

    private static List<String> numbers(String text) {
        return SoleAirlineFlights.in(text).stream().map(Legs.Token::value).toList();
    }

    @Test
    void readsTheNumberUnderTheOnlyAirlineTheMailNames() {
        assertThat(numbers("Your trip\nFlight 403\nThank you for flying Southwest Airlines")).containsExactly("WN 403");
    }

    @Test
    void readsATextWhoseLowerCaseIsLongerThanItself() {
        // "İ" lower-cases to two characters: positions in the lower-cased text are not the text's
        assertThat(numbers("Departure İstanbul İİİİ\nFlight 1857\nTurkish Airlines")).containsExactly("TK 1857");
        assertThat(AirlineNames.soleAirline("İİİİİİİİ.\nTurkish Airlines")).contains("TK");
    }

    @Test
    void doesNotTakeTheTailOfAnotherNameOrAPlaceForAnAirline() {
        assertThat(AirlineNames.soleAirline("Visa for the United Arab Emirates")).isEmpty();
        assertThat(AirlineNames.soleAirline("Our office in Anchorage, Alaska")).isEmpty();
        assertThat(AirlineNames.soleAirline("Price: 120 Swiss francs")).isEmpty();
        assertThat(AirlineNames.soleAirline("Tours across North American parks")).isEmpty();
        assertThat(numbers("Flight 45 to Dubai, United Arab Emirates")).isEmpty();
    }

    @Test
    void stillReadsTheAirlineOpeningASentence() {
        assertThat(AirlineNames.soleAirline("Thank you for choosing Emirates.")).contains("EK");
        assertThat(AirlineNames.soleAirline("Your Alaska Airlines confirmation")).contains("AS");
    }

    @Test
    void doesNotTakeADurationForAFlightNumber() {
        assertThat(numbers("Delta\nFlight 45 min, transfer 20 min")).isEmpty();
        assertThat(numbers("Lufthansa\nFlug 12 Std. Aufenthalt")).isEmpty();
        assertThat(numbers("Air France\nVol 10 heures")).isEmpty();
        assertThat(numbers("Delta\nFlight 14 hours")).isEmpty();
    }

    @Test
    void readsAnAirlinesNameWhateverItsSpacing() {
        assertThat(AirlineNames.code("  Delta   Air\tLines ")).contains("DL");
    }
}
