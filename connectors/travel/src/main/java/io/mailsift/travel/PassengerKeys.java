package io.mailsift.travel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.JsonLd;

/**
 * Keys of a leg booked for several passengers. A reservation with no or one passenger keeps the key of its booking
 * and leg, byte for byte as before passengers were told apart (a re-sent confirmation updates the finding already
 * stored). Only when the reservations of one booking and leg name two or more different passengers does each key add
 * its passenger's normalized name ({@link Passengers#normalized}: case, accents, spacing, title words and the GDS
 * SURNAME/GIVEN order do not count). The edge: a later mail about the same leg naming only one of them has that leg's
 * plain key again, so it updates a finding of its own, not the passenger's.
 */
final class PassengerKeys {

    private PassengerKeys() {
    }

    /**
     * The findings with one key per passenger of a shared leg, in their order; a reservation marked up twice for the
     * same passenger (JSON-LD and microdata) counts once, the first one.
     */
    static List<Finding> distinct(List<Finding> findings) {
        Map<String, Set<String>> passengersByKey = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String passenger = passenger(finding);
            Set<String> passengers = passengersByKey.computeIfAbsent(finding.key(), key -> new LinkedHashSet<>());
            if (!passenger.isEmpty()) {
                passengers.add(passenger);
            }
        }
        Map<String, Finding> byKey = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Finding keyed = passengersByKey.get(finding.key()).size() < 2 ? finding : new Finding(finding.type(),
                    FindingKey.of(finding.key(), "passenger", passenger(finding)), finding.data());
            byKey.putIfAbsent(keyed.key(), keyed);
        }
        return new ArrayList<>(byKey.values());
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
