package io.mailsift.travel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.JsonLd;

/**
 * Keys of a leg booked for several passengers. A reservation with no or one passenger keeps the key of its booking
 * and leg, byte for byte as before passengers were told apart (a re-sent confirmation updates the finding already
 * stored). Only when the reservations of one booking and leg name two or more different passengers does each key add
 * its passenger's normalized name ({@link Passengers#normalized}: case, accents, spacing, title words and the GDS
 * SURNAME/GIVEN order do not count). The edge: a later mail about the same leg naming only one of them has that leg's
 * plain key again, so it updates a finding of its own, not the passenger's; every transport reservation's
 * {@code reservationFor} carries {@code "@id": "urn:mailsift:leg:<plain key>"}, so the app still sees it as the same
 * leg. When a leg has two or more passengers, a copy of it naming nobody is dropped (it would be a phantom passenger).
 */
final class PassengerKeys {

    /** The {@code @id} prefix of a transport reservation's leg; the app groups a leg's findings by it. */
    static final String LEG_ID_PREFIX = "urn:mailsift:leg:";

    private PassengerKeys() {
    }

    /**
     * The findings with one key per passenger of a shared leg, in their order; a reservation marked up twice for the
     * same passenger (JSON-LD and microdata) counts once, the first one.
     */
    static List<Finding> distinct(List<Finding> findings) {
        Map<String, List<String>> passengersByKey = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String passenger = passenger(finding);
            List<String> passengers = passengersByKey.computeIfAbsent(finding.key(), key -> new ArrayList<>());
            if (!passenger.isEmpty() && passengers.stream().noneMatch(p -> Passengers.samePerson(p, passenger))) {
                passengers.add(passenger);
            }
        }
        Map<String, Finding> byKey = new LinkedHashMap<>();
        for (Finding finding : findings) {
            List<String> passengers = passengersByKey.get(finding.key());
            String passenger = passenger(finding);
            if (passengers.size() >= 2 && passenger.isEmpty()) {
                continue; // a copy naming nobody (microdata, a forward's other body) of a leg of named passengers
            }
            String key = passengers.size() < 2 ? finding.key() : FindingKey.of(finding.key(), "passenger",
                    passengers.stream().filter(p -> Passengers.samePerson(p, passenger)).findFirst()
                            .orElse(passenger));
            byKey.putIfAbsent(key, new Finding(finding.type(), key, withLegId(finding.type(), finding.data(), finding.key())));
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * The reservation with its leg named by a JSON-LD {@code @id} of the leg's plain key (no passenger part), so
     * every passenger's reservation of the leg, and a later mail about it naming one or none of them, name the same
     * leg. Only transport legs: a stay or a table is one reservation per booking already. The key is not changed.
     */
    private static Map<String, Object> withLegId(String type, Map<String, Object> data, String legKey) {
        if (!Passengers.TRANSPORT.contains(type)
                || !(data.get("reservationFor") instanceof Map<?, ?> leg)) {
            return data;
        }
        Map<String, Object> named = new LinkedHashMap<>();
        leg.forEach((property, value) -> named.put(String.valueOf(property), value));
        named.put("@id", LEG_ID_PREFIX + legKey);
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("reservationFor", named);
        return copy;
    }

    /** Whom the reservation is under, normalized; empty when it names nobody. */
    private static String passenger(Finding finding) {
        String name = JsonLd.nameOf(finding.data(), "underName")
                .or(() -> JsonLd.text(finding.data(), "underName", "givenName")
                        .map(given -> given + " " + JsonLd.text(finding.data(), "underName", "familyName").orElse("")))
                .orElse("");
        return Passengers.normalized(name);
    }
}
