package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which airport a place name printed alone stands for, as itineraries without codes print them. */
class AirportNamesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "Florence, FLR", "Firenze, FLR", "Venice, VCE", "Venezia, VCE", "Melbourne (Tullamarine), MEL",
            "Doha, DOH", "Murcia, RMU", "Las Palmas, LPA", "Oporto, OPO", "Turin, TRN", "Gothenburg, GOT",
            "MUENCHEN DE (FRANZ JOSEF STRAUSS), MUC", "ZUERICH CH (KLOTEN), ZRH", "Brussel, BRU",
            "Sydney (Kingsford Smith), SYD", "Rome Fiumicino, FCO", "Milan Linate, LIN", "Zúrich, ZRH",
            "Berlín, BER", "Ámsterdam, AMS", "Köln, CGN", "Colonia, CGN", "Hamburgo, HAM", "Genova, GOA",
            "Heathrow, LHR", "Orly, ORY", "Schiphol, AMS", "Mallorca, PMI"})
    void aCityOrAirportNameDecidesItsMainAirportNotANamesakeAbroad(String name, String code) {
        assertThat(Airports.ofPlaceName(name)).map(Airports.Airport::code).contains(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Roma", "Rome", "London", "Paris", "Milan"})
    void aCityOfSeveralAirportsAloneDecidesNone(String name) {
        assertThat(Airports.ofPlaceName(name)).isEmpty();
    }
}
