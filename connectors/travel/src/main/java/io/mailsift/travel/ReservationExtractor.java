package io.mailsift.travel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mailsift.connector.Finding;
import io.mailsift.connector.FindingKey;
import io.mailsift.connector.JsonLd;

/**
 * Finds reservations anywhere in a message's schema.org items, top level or nested (in a {@code @graph}, a list, an
 * Order's or a Person's properties, a ReservationPackage), and turns each into a finding.
 */
final class ReservationExtractor {

    /** Real markup nests a few levels; anything deeper is garbage or hostile and is not worth walking. */
    private static final int MAX_DEPTH = 24;

    /**
     * Properties that describe what could be done, not what was booked: a ReserveAction's {@code result} is a
     * template for a future reservation, not a reservation.
     */
    private static final Set<String> NOT_BOOKED = Set.of("potentialAction");

    /**
     * The findings in these items, one per booked leg and passenger, in markup order; a leg marked up twice for the
     * same passenger counts once.
     */
    List<Finding> extract(List<Map<String, Object>> items) {
        Map<String, Finding> byKey = new LinkedHashMap<>();
        List<Finding> all = new ArrayList<>();
        for (Map<String, Object> item : items) {
            visit(item, 0, byKey, all);
        }
        return PassengerKeys.distinct(all);
    }

    @SuppressWarnings("unchecked")
    private void visit(Object node, int depth, Map<String, Finding> byKey, List<Finding> all) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof List<?> list) {
            for (Object each : list) {
                visit(each, depth + 1, byKey, all);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        Map<String, Object> object = (Map<String, Object>) map;
        Optional<Finding> finding = toFinding(object, byKey);
        if (finding.isPresent()) {
            // the first finding of a key is the one a later leg on another day is told from (toFinding)
            byKey.putIfAbsent(finding.get().key(), finding.get());
            all.add(finding.get());
            return;
        }
        object.forEach((property, value) -> {
            if (!NOT_BOOKED.contains(property)) {
                visit(value, depth + 1, byKey, all);
            }
        });
    }

    private Optional<Finding> toFinding(Map<String, Object> object, Map<String, Finding> earlier) {
        List<String> types = JsonLd.types(object);
        if (types.stream().noneMatch(type -> type.toLowerCase(Locale.ROOT).endsWith("reservation"))) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> subject = subject(object);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReservationKind> kind = kind(types, subject.get());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = JsonLd.cleanCopy(object);
        Map<String, Object> reservationFor = JsonLd.cleanCopy(subject.get());
        if (JsonLd.types(reservationFor).isEmpty()) {
            reservationFor.put("@type", kind.get().subjectType());
        }
        if (kind.get() == ReservationKind.FLIGHT) {
            completeFlight(reservationFor);
        }
        data.put("reservationFor", reservationFor);

        String bookingReference = bookingReference(data);
        boolean referenced = bookingReference.startsWith("ref:");
        List<String> leg = kind.get().legIdentity(data, reservationFor, referenced);
        if (bookingReference.isEmpty() && leg.stream().allMatch(String::isEmpty)) {
            return Optional.empty(); // nothing tells this booking from any other: a key would merge strangers
        }
        String key = key(kind.get(), bookingReference, leg);
        Finding same = earlier.get(key);
        String day = kind.get().day(data, reservationFor);
        if (same != null && !day.equals(kind.get().day(same.data(), JsonLd.object(same.data(), "reservationFor")
                .orElse(Map.of())))) {
            // the same flight or stay twice in one booking on different days (a weekly commute): the day tells them
            List<String> dated = new ArrayList<>(leg);
            dated.add(day);
            key = key(kind.get(), bookingReference, dated);
        }
        return Optional.of(new Finding(kind.get().reservationType(), key, data));
    }

    /**
     * Fills in what the markup leaves out of a flight from the airport and airline tables, by IATA code: an airport's
     * name, city and country, coordinates and time zone (which trips and calendars need to show each end in its own
     * zone instead of a bare offset), an airline's name. What the sender wrote is kept as it is; a code the tables do
     * not know is left alone.
     */
    private static void completeFlight(Map<String, Object> flight) {
        for (String end : List.of("departureAirport", "arrivalAirport")) {
            if (flight.get(end) instanceof Map<?, ?> given) {
                @SuppressWarnings("unchecked")
                Map<String, Object> airport = (Map<String, Object>) given;
                JsonLd.text(airport, "iataCode").map(code -> code.strip().toUpperCase(Locale.ROOT))
                        .flatMap(Airports::airport)
                        .ifPresent(known -> known.toJsonLd().forEach(airport::putIfAbsent));
            }
        }
        if (flight.get("airline") instanceof Map<?, ?> given) {
            @SuppressWarnings("unchecked")
            Map<String, Object> airline = (Map<String, Object>) given;
            if (JsonLd.text(airline, "name").isEmpty()) {
                JsonLd.text(airline, "iataCode").map(code -> code.strip().toUpperCase(Locale.ROOT))
                        .flatMap(Airports::airline)
                        .ifPresent(name -> airline.put("name", name));
            }
        }
    }

    private static String key(ReservationKind kind, String bookingReference, List<String> leg) {
        List<String> parts = new ArrayList<>();
        parts.add(kind.reservationType());
        parts.add(bookingReference);
        parts.addAll(leg);
        return FindingKey.of(parts.toArray(String[]::new));
    }

    /** What the reservation is for: an object, or a bare name some senders write instead. */
    private static Optional<Map<String, Object>> subject(Map<String, Object> reservation) {
        Optional<Map<String, Object>> object = JsonLd.object(reservation, "reservationFor");
        if (object.isPresent()) {
            return object;
        }
        return JsonLd.text(reservation, "reservationFor").map(name -> {
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("name", name);
            return named;
        });
    }

    /** The declared type when it is one we know, else what the reservation is for decides. */
    private static Optional<ReservationKind> kind(List<String> types, Map<String, Object> subject) {
        for (String type : types) {
            Optional<ReservationKind> declared = ReservationKind.ofReservationType(type);
            if (declared.isPresent()) {
                return declared;
            }
        }
        for (String type : JsonLd.types(subject)) {
            Optional<ReservationKind> inferred = ReservationKind.ofSubjectType(type);
            if (inferred.isPresent()) {
                return inferred;
            }
        }
        return Optional.empty();
    }

    /** The booking reference, or, when the sender gave none, who the booking is for. */
    private static String bookingReference(Map<String, Object> reservation) {
        Optional<String> number = JsonLd.text(reservation, "reservationNumber")
                .or(() -> JsonLd.text(reservation, "reservationId"));
        if (number.isPresent()) {
            return "ref:" + number.get();
        }
        String person = JsonLd.nameOf(reservation, "underName").orElse("");
        String email = JsonLd.text(reservation, "underName", "email").orElse("");
        return person.isEmpty() && email.isEmpty() ? "" : "name:" + person + "|" + email;
    }
}
