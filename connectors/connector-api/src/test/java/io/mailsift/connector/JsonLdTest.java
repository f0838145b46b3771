package io.mailsift.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonLdTest {

    @Test
    void shouldReadTypesWhateverVocabularyPrefixTheSenderUsed() {
        Map<String, Object> object = Map.of("@type",
                List.of("http://schema.org/FlightReservation", " schema:Reservation ", "https://schema.org/Thing"));

        assertThat(JsonLd.types(object)).containsExactly("FlightReservation", "Reservation", "Thing");
        assertThat(JsonLd.isA(object, "Reservation")).isTrue();
        assertThat(JsonLd.isA(Map.of("name", "x"), "Reservation")).isFalse();
    }

    @Test
    void shouldFollowAPathTakingTheFirstOfEachList() {
        Map<String, Object> reservation = Map.of("reservationFor", List.of(
                Map.of("flightNumber", List.of(" 110 ", "111")), Map.of("flightNumber", "999")));

        assertThat(JsonLd.text(reservation, "reservationFor", "flightNumber")).contains("110");
        assertThat(JsonLd.text(reservation, "reservationFor", "missing")).isEmpty();
        assertThat(JsonLd.text(reservation, "reservationFor", "flightNumber", "deeper")).isEmpty();
    }

    @Test
    void shouldReadNumbersBooleansAndValueObjectsAsText() {
        Map<String, Object> object = Map.of(
                "flightNumber", 110,
                "modifiable", true,
                "reservationNumber", Map.of("@value", " RXJ34P ", "@language", "en"),
                "ticketNumber", List.of(Map.of("@value", List.of("T-1", "T-2"))));

        assertThat(JsonLd.text(object, "flightNumber")).contains("110");
        assertThat(JsonLd.text(object, "modifiable")).contains("true");
        assertThat(JsonLd.text(object, "reservationNumber")).contains("RXJ34P");
        assertThat(JsonLd.text(object, "ticketNumber")).contains("T-1");
    }

    @Test
    void shouldGiveNoTextForBlanksAndObjects() {
        Map<String, Object> object = Map.of(
                "blank", "   ", "emptyValue", Map.of("@value", ""), "thing", Map.of("name", "ACME"));

        assertThat(JsonLd.text(object, "blank")).isEmpty();
        assertThat(JsonLd.text(object, "emptyValue")).isEmpty();
        assertThat(JsonLd.text(object, "thing")).isEmpty();
    }

    @Test
    void shouldFindTheObjectBehindAStrayTextInAList() {
        Map<String, Object> order = Map.of("seller", List.of("ACME", Map.of("@type", "Organization",
                "address", Map.of("addressLocality", "Berlin"))));

        assertThat(JsonLd.object(order, "seller")).hasValueSatisfying(
                seller -> assertThat(seller).containsEntry("@type", "Organization"));
        assertThat(JsonLd.object(order, "seller", "address")).hasValue(Map.of("addressLocality", "Berlin"));
        assertThat(JsonLd.object(Map.of("seller", "ACME"), "seller")).isEmpty();
    }

    @Test
    void shouldReadANameWrittenAsAnObjectOrDirectly() {
        assertThat(JsonLd.nameOf(Map.of("seller", Map.of("@type", "Organization", "name", " ACME ")), "seller"))
                .contains("ACME");
        assertThat(JsonLd.nameOf(Map.of("merchant", "ACME Inc."), "merchant")).contains("ACME Inc.");
        assertThat(JsonLd.nameOf(Map.of("seller", List.of("", Map.of("name", List.of("ACME", "Other")))), "seller"))
                .contains("ACME");
        assertThat(JsonLd.nameOf(Map.of("seller", Map.of("url", "https://acme.example")), "seller")).isEmpty();
        assertThat(JsonLd.nameOf(Map.of(), "seller")).isEmpty();
    }

    @Test
    void shouldKeepTheCalendarDateAsWrittenWhateverTheOffset() {
        Map<String, Object> trip = Map.of(
                "departureTime", "2027-03-04T20:15:00-08:00",
                "utc", "2027-03-05T04:15:00Z",
                "checkinTime", "2027-03-04 15:00",
                "departureDay", "4.3.2027 morning",
                "nonIso", "March 4T");

        assertThat(JsonLd.date(trip, "departureTime")).contains("2027-03-04");
        assertThat(JsonLd.date(trip, "utc")).contains("2027-03-05");
        assertThat(JsonLd.date(trip, "checkinTime")).contains("2027-03-04");
        assertThat(JsonLd.date(trip, "departureDay")).contains("4.3.2027");
        assertThat(JsonLd.date(trip, "nonIso")).contains("March");
        assertThat(JsonLd.date(trip, "missing")).isEmpty();
    }

    @Test
    void shouldCleanACopyWithoutTouchingTheOriginal() {
        Map<String, Object> flight = new LinkedHashMap<>();
        flight.put("@type", "http://schema.org/Flight");
        flight.put("flightNumber", " 110 ");
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("@type", List.of(" schema:FlightReservation "));
        reservation.put("reservationNumber", "  RXJ34P\n");
        reservation.put("cancelled", null);
        reservation.put("reservationFor", flight);
        reservation.put("ticketNumbers", new ArrayList<>(Arrays.asList(" A ", null, 7)));

        Map<String, Object> copy = JsonLd.cleanCopy(reservation);

        assertThat(copy).containsExactly(
                Map.entry("@type", List.of("FlightReservation")),
                Map.entry("reservationNumber", "RXJ34P"),
                Map.entry("reservationFor", Map.of("@type", "Flight", "flightNumber", "110")),
                Map.entry("ticketNumbers", List.of("A", 7)));
        assertThat(reservation).containsEntry("reservationNumber", "  RXJ34P\n").containsKey("cancelled");
        copy.put("added", "mutable");
        assertThat(copy).containsKey("added");
    }

    @Test
    void shouldWriteAFindingTheSameWayInEveryRunWhateverKindOfMapItWasBuiltFrom() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("reservationNumber", "RXJ34P");
        ordered.put("reservationFor", Map.of("name", "Harbour Rooms", "@type", "LodgingBusiness",
                "address", Map.of("addressLocality", "Sydney", "@type", "PostalAddress", "addressCountry", "AU")));
        ordered.put("checkinTime", "2027-07-04T15:00:00+10:00");

        Map<String, Object> data = new Finding("LodgingReservation", "key", ordered).data();

        // The connector's own order where it gave one; sorted, @-keywords first, where Map.of gave none.
        assertThat(data.keySet()).containsExactly("@context", "@type", "reservationNumber", "reservationFor",
                "checkinTime");
        Map<String, Object> hotel = JsonLd.object(data, "reservationFor").orElseThrow();
        assertThat(hotel.keySet()).containsExactly("@type", "address", "name");
        assertThat(JsonLd.object(hotel, "address").orElseThrow().keySet())
                .containsExactly("@type", "addressCountry", "addressLocality");
        assertThat(JsonLd.cleanCopy(Map.of("b", "2", "@id", "x", "a", "1")).keySet()).containsExactly("@id", "a", "b");
    }

    @Test
    void readsStrictJsonTextIntoTheMarkupModelAndNothingElse() {
        assertThat(JsonLd.parse("{\"@type\": \"FlightReservation\", \"reservationNumber\": \"RXJ34P\", \"note\": null,"
                + " \"legs\": [1, 2.5, true, null]}"))
                .hasValueSatisfying(value -> assertThat(value).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsExactly(Map.entry("@type", "FlightReservation"), Map.entry("reservationNumber", "RXJ34P"),
                                Map.entry("legs", List.of(1, 2.5, true))));
        assertThat(JsonLd.parse("{'single': 'quotes'}")).isEmpty();
        assertThat(JsonLd.parse("[" .repeat(100) + "]".repeat(100))).isEmpty();
        assertThat(JsonLd.parse("{\"a\":1} trailing")).isEmpty();
        assertThat(JsonLd.parse("[\"" + "x".repeat(200_001) + "\"]")).isEmpty();
    }
}
