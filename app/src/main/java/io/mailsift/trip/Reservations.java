package io.mailsift.trip;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.trip.Segment.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stored schema.org reservation (the travel connector's JSON-LD) as a {@link Segment}. Tolerant: a missing
 * place is "unknown", a missing end is the start; only a reservation without any start time is left out, since it
 * cannot be placed in time.
 */
final class Reservations {

    private static final String LEG_ID_PREFIX = "urn:mailsift:leg:";

    /** The finding types that are reservations, by schema.org type name. */
    static final Map<String, Kind> TYPES = Map.of(
            "FlightReservation", Kind.FLIGHT,
            "TrainReservation", Kind.TRAIN,
            "BusReservation", Kind.BUS,
            "RentalCarReservation", Kind.RENTAL_CAR,
            "LodgingReservation", Kind.LODGING,
            "EventReservation", Kind.EVENT,
            "FoodEstablishmentReservation", Kind.RESTAURANT);

    private static final Set<String> STATION_TYPES = Set.of("Airport", "TrainStation", "BusStation", "BusStop");
    /** "10627 Berlin", "75004 Paris" at the end of an address written as one line. */
    private static final Pattern POSTCODE_CITY = Pattern.compile("\\b\\d{4,5}\\s+(\\p{L}[\\p{L} .'-]*?)\\s*$");
    /** A station's first word, its city ("München Hbf", "Paris Gare de Lyon"). */
    private static final Pattern FIRST_WORD = Pattern.compile("^\\p{L}[\\p{L}-]*");
    private static final Place UNKNOWN = new Place("unknown place", null, null, null, null, null);

    private Reservations() {
    }

    /** The finding as a segment; empty when it is no reservation or names no start time. */
    static Optional<Segment> segment(long findingId, String findingKey, String type, Map<String, Object> payload,
            Instant updatedAt) {
        Kind kind = TYPES.get(type);
        if (kind == null) {
            return Optional.empty();
        }
        Map<String, Object> what = object(payload.get("reservationFor"));
        Place from;
        Place to;
        Object startValue;
        Object endValue;
        switch (kind) {
            case FLIGHT -> {
                from = place(what.get("departureAirport"));
                to = place(what.get("arrivalAirport"));
                startValue = first(what.get("departureTime"), payload.get("departureTime"));
                endValue = first(what.get("arrivalTime"), payload.get("arrivalTime"));
            }
            case TRAIN -> {
                from = place(what.get("departureStation"));
                to = place(what.get("arrivalStation"));
                startValue = what.get("departureTime");
                endValue = what.get("arrivalTime");
            }
            case BUS -> {
                from = place(what.get("departureBusStop"));
                to = place(what.get("arrivalBusStop"));
                startValue = what.get("departureTime");
                endValue = what.get("arrivalTime");
            }
            case RENTAL_CAR -> {
                Object pickup = first(payload.get("pickupLocation"), payload.get("dropoffLocation"));
                Object dropoff = first(payload.get("dropoffLocation"), payload.get("pickupLocation"));
                from = place(pickup);
                to = place(dropoff);
                startValue = payload.get("pickupTime");
                endValue = payload.get("dropoffTime");
            }
            case LODGING -> {
                from = to = place(what);
                startValue = first(payload.get("checkinTime"), payload.get("checkinDate"));
                endValue = first(payload.get("checkoutTime"), payload.get("checkoutDate"));
            }
            case EVENT -> {
                from = to = place(first(what.get("location"), what));
                startValue = what.get("startDate");
                endValue = what.get("endDate");
            }
            case RESTAURANT -> {
                from = to = place(what);
                startValue = first(payload.get("startTime"), what.get("startDate"));
                endValue = first(payload.get("endTime"), what.get("endDate"));
            }
            default -> throw new IllegalStateException("every kind is read: " + kind);
        }
        Optional<When> start = when(startValue, from);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        When end = when(endValue, to).orElse(start.get());
        String reference = text(first(payload.get("reservationNumber"), payload.get("reservationId")));
        String status = text(payload.get("reservationStatus"));
        boolean cancelled = status != null && status.toLowerCase(Locale.ROOT).contains("cancel");
        String passenger = passenger(payload.get("underName"));
        return Optional.of(new Segment(findingId, findingKey + "." + findingId + "@mailsift", kind,
                summary(kind, what, from, to), from, to, start.get(), end, reference, cancelled, updatedAt,
                passenger == null ? List.of() : List.of(passenger), List.of(findingId), legId(kind, what)));
    }

    /**
     * The travel connector's name of a transport leg ({@code reservationFor}'s {@code @id}, the leg's key without any
     * passenger part), the same for every passenger's finding of it and for a later mail about it; null when absent.
     */
    private static @Nullable String legId(Kind kind, Map<String, Object> what) {
        return kind.transport() && what.get("@id") instanceof String id && id.startsWith(LEG_ID_PREFIX) ? id : null;
    }

    /** Whom the reservation is under: a Person's name, given and family names, or a bare name. */
    private static @Nullable String passenger(@Nullable Object underName) {
        if (underName instanceof String name) {
            return text(name);
        }
        Map<String, Object> person = object(underName);
        String name = text(person.get("name"));
        if (name != null) {
            return name;
        }
        String given = text(person.get("givenName"));
        String family = text(person.get("familyName"));
        return given == null && family == null ? null : text((given == null ? "" : given) + " "
                + (family == null ? "" : family));
    }

    private static String summary(Kind kind, Map<String, Object> what, Place from, Place to) {
        String route = label(from) + " → " + label(to);
        return switch (kind) {
            case FLIGHT -> {
                String airline = text(first(object(what.get("airline")).get("iataCode"), null));
                String number = text(what.get("flightNumber"));
                yield "Flight " + join(airline == null ? "" : airline, number) + route;
            }
            case TRAIN -> "Train " + join(text(what.get("trainName")), text(what.get("trainNumber"))) + route;
            case BUS -> "Bus " + join(text(what.get("busName")), text(what.get("busNumber"))) + route;
            case RENTAL_CAR -> "Rental car " + label(from) + (from.equals(to) ? "" : " → " + label(to));
            case LODGING -> from.name();
            case EVENT -> Optional.ofNullable(text(what.get("name"))).orElse(from.name());
            case RESTAURANT -> "Table at " + from.name();
        };
    }

    private static String join(@Nullable String first, @Nullable String second) {
        String joined = ((first == null ? "" : first) + (second == null ? "" : second)).strip();
        return joined.isEmpty() ? "" : joined + " ";
    }

    private static String label(Place place) {
        return place.iataCode() != null ? place.iataCode() : place.name();
    }

    /** A place object (Airport, TrainStation, LodgingBusiness, Place...), or a bare name. */
    static Place place(@Nullable Object value) {
        if (value instanceof String name && !name.isBlank()) {
            return new Place(name.strip(), null, null, null, null, null);
        }
        Map<String, Object> place = object(value);
        if (place.isEmpty()) {
            return UNKNOWN;
        }
        Object addressValue = place.get("address");
        Map<String, Object> address = object(addressValue);
        String addressLine = addressValue instanceof String line ? line : null;
        String name = text(place.get("name"));
        String iata = text(place.get("iataCode"));
        if (name == null) {
            name = iata != null ? iata : addressLine != null ? addressLine : "unknown place";
        }
        String city = text(address.get("addressLocality"));
        if (city == null) {
            city = postcodeCity(addressLine).or(() -> postcodeCity(text(place.get("name")))).orElse(null);
        }
        String type = text(place.get("@type"));
        if (city == null && iata == null && type != null && STATION_TYPES.contains(type)) {
            // "München Hbf", "Paris Gare de Lyon": stations are named after their city first.
            city = firstWord(name);
        }
        Map<String, Object> geo = object(place.get("geo"));
        Object country = address.get("addressCountry");
        String countryName = country instanceof Map<?, ?> countryObject ? text(countryObject.get("name"))
                : text(country);
        return new Place(name, city, iata, number(geo.get("latitude")), number(geo.get("longitude")), countryName,
                namedZone(place.get("additionalProperty")));
    }

    /** The zone a {@code timeZone} PropertyValue names; a name this JDK does not know counts as none. */
    private static @Nullable ZoneId namedZone(@Nullable Object additionalProperty) {
        Object properties = additionalProperty instanceof List<?> ? additionalProperty : List.of(
                additionalProperty == null ? Map.of() : additionalProperty);
        for (Object each : (List<?>) properties) {
            Map<String, Object> property = object(each);
            if ("timeZone".equals(text(property.get("propertyID"))) || "timeZone".equals(text(property.get("name")))) {
                String zone = text(property.get("value"));
                try {
                    return zone == null ? null : ZoneId.of(zone);
                } catch (DateTimeException unknown) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Optional<String> postcodeCity(@Nullable String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher matcher = POSTCODE_CITY.matcher(line.strip());
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }

    private static @Nullable String firstWord(String name) {
        Matcher matcher = FIRST_WORD.matcher(name.strip());
        return matcher.find() && matcher.group().length() > 1 ? matcher.group() : null;
    }

    /**
     * A schema.org DateTime or Date: ISO with offset ("2027-03-12T10:35:00+01:00", "...Z"), with a region
     * ("...+01:00[Europe/Berlin]"), floating ("2027-03-12T10:35:00"), a date, or KDE's {"@value", "timezone"}.
     */
    static Optional<When> when(@Nullable Object value, Place at) {
        // A year outside 1970-2200 is a misreading or a crafted mail: TIMESTAMPTZ may not hold it, and one such
        // reservation would fail every rebuild of the user's trips.
        return anyWhen(value, at).filter(when -> when.local().getYear() >= 1970 && when.local().getYear() <= 2200);
    }

    private static Optional<When> anyWhen(@Nullable Object value, Place at) {
        String explicitZone = null;
        if (value instanceof Map<?, ?> typed) {
            explicitZone = text(typed.get("timezone"));
            value = typed.get("@value");
        }
        String text = text(value);
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (text.length() == 10) {
                return Optional.of(When.on(LocalDate.parse(text)));
            }
            if (text.endsWith("]")) {
                ZonedDateTime zoned = ZonedDateTime.parse(text);
                return Optional.of(When.at(zoned.toLocalDateTime(), zoned.getZone()));
            }
            if (hasOffset(text)) {
                OffsetDateTime offset = OffsetDateTime.parse(text);
                ZoneId zone = explicitZone != null ? ZoneId.of(explicitZone)
                        : placeZoneWithOffset(at, offset)
                                .or(() -> Zones.of(at, offset.getOffset(), offset.toInstant())).orElseThrow();
                return Optional.of(When.at(offset.atZoneSameInstant(zone).toLocalDateTime(), zone));
            }
            LocalDateTime local = LocalDateTime.parse(text);
            ZoneId zone = explicitZone != null ? ZoneId.of(explicitZone)
                    : at.timeZone() != null ? at.timeZone() : Zones.of(at, null, null).orElse(null);
            return Optional.of(When.at(local, zone));
        } catch (DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The place's named zone, if it keeps the time's offset at that instant (else the offset is trusted). */
    private static Optional<ZoneId> placeZoneWithOffset(Place at, OffsetDateTime time) {
        ZoneId zone = at.timeZone();
        return zone != null && zone.getRules().getOffset(time.toInstant()).equals(time.getOffset())
                ? Optional.of(zone) : Optional.empty();
    }

    private static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        return time > 0 && (text.endsWith("Z") || text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
    }

    private static @Nullable Object first(@Nullable Object value, @Nullable Object fallback) {
        return value != null ? value : fallback;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(@Nullable Object value) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            value = list.getFirst();
        }
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            value = list.getFirst();
        }
        if (value instanceof String s) {
            String stripped = s.strip();
            return stripped.isEmpty() ? null : stripped;
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    private static @Nullable Double number(@Nullable Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value instanceof String s ? Double.valueOf(s.strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
