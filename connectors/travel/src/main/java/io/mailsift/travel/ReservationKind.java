package io.mailsift.travel;

import static io.mailsift.connector.JsonLd.date;
import static io.mailsift.connector.JsonLd.nameOf;
import static io.mailsift.connector.JsonLd.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reservation types this connector emits, how to recognise each (by its own type or, when a sender wrote a
 * bare {@code Reservation}, by what it is for) and what identifies one booked leg of each.
 */
enum ReservationKind {

    FLIGHT("FlightReservation", "Flight", Set.of("Flight")),
    TRAIN("TrainReservation", "TrainTrip", Set.of("TrainTrip")),
    BUS("BusReservation", "BusTrip", Set.of("BusTrip")),
    LODGING("LodgingReservation", "LodgingBusiness", Set.of(
            "LodgingBusiness", "Hotel", "Motel", "Hostel", "BedAndBreakfast", "Resort", "Campground",
            "VacationRental", "Accommodation", "Apartment", "House", "HotelRoom")),
    RENTAL_CAR("RentalCarReservation", "RentalCar", Set.of("RentalCar", "Car", "Vehicle")),
    EVENT("EventReservation", "Event", Set.of("Event", "Festival", "ExhibitionEvent")),
    FOOD("FoodEstablishmentReservation", "FoodEstablishment", Set.of(
            "FoodEstablishment", "Restaurant", "Bakery", "BarOrPub", "Brewery", "CafeOrCoffeeShop", "Distillery",
            "FastFoodRestaurant", "IceCreamShop", "Winery"));

    /** An airline designator glued to the flight number, as in {@code LH2029} or {@code 4U 8102}. */
    private static final Pattern DESIGNATOR_AND_NUMBER = Pattern.compile("^([A-Z0-9]{2})(\\d{1,4}[A-Z]?)$");

    private final String reservationType;
    private final String subjectType;
    private final Set<String> subjectTypes;

    ReservationKind(String reservationType, String subjectType, Set<String> subjectTypes) {
        this.reservationType = reservationType;
        this.subjectType = subjectType;
        this.subjectTypes = subjectTypes;
    }

    /** The schema.org type of the finding, e.g. {@code FlightReservation}. */
    String reservationType() {
        return reservationType;
    }

    /** The type given to a {@code reservationFor} that the sender left untyped. */
    String subjectType() {
        return subjectType;
    }

    /** The kind a reservation type names, ignoring case (senders write {@code flightReservation} too). */
    static Optional<ReservationKind> ofReservationType(String type) {
        for (ReservationKind kind : values()) {
            if (kind.reservationType.equalsIgnoreCase(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind of reservation that a thing of this type is booked through: a Flight gives a flight reservation. */
    static Optional<ReservationKind> ofSubjectType(String type) {
        for (ReservationKind kind : values()) {
            for (String each : kind.subjectTypes) {
                if (each.equalsIgnoreCase(type)) {
                    return Optional.of(kind);
                }
            }
        }
        // schema.org has dozens of Event subtypes (MusicEvent, SportsEvent, ...); they all end the same way.
        if (type.length() > "Event".length() && type.endsWith("Event")) {
            return Optional.of(EVENT);
        }
        return Optional.empty();
    }

    /**
     * What tells one leg of a booking from another (the booking reference is added by the caller). Every part is
     * read as written; {@link io.mailsift.connector.FindingKey} evens out case and whitespace.
     *
     * <p>With a booking reference the leg is told apart by what survives a schedule change: a flight's airline and
     * number, a train's number and departure station, a hotel's name, an event's name, so a
     * later mail moving the leg to another day or hour updates the same finding. Without one (or for a train without
     * number, whose station alone tells nothing) the date is part of the identity, or strangers would share a key.
     */
    List<String> legIdentity(Map<String, Object> reservation, Map<String, Object> subject, boolean referenced) {
        return switch (this) {
            case FLIGHT -> flightIdentity(subject, referenced);
            case TRAIN -> trip(text(subject, "trainNumber").or(() -> text(subject, "trainName")).orElse(""),
                    nameOf(subject, "departureStation").orElse(""), departureDate(subject), referenced);
            case BUS -> trip(text(subject, "busNumber").or(() -> text(subject, "busName")).orElse(""),
                    nameOf(subject, "departureBusStop").or(() -> nameOf(subject, "departureStation")).orElse(""),
                    departureDate(subject), referenced);
            case LODGING -> referenced ? List.of(text(subject, "name").orElse("")) : List.of(
                    text(subject, "name").orElse(""),
                    date(reservation, "checkinDate").or(() -> date(reservation, "checkinTime")).orElse(""));
            case RENTAL_CAR -> referenced ? List.of() : List.of(
                    text(reservation, "pickupTime").orElse(""),
                    nameOf(reservation, "pickupLocation")
                            .or(() -> text(reservation, "pickupLocation", "address", "streetAddress"))
                            .orElse(""));
            case EVENT -> referenced ? List.of(text(subject, "name").orElse("")) : List.of(
                    text(subject, "name").orElse(""),
                    text(subject, "startDate").orElse(""));
            case FOOD -> referenced ? List.of(text(subject, "name").orElse("")) : List.of(
                    text(subject, "name").orElse(""),
                    text(reservation, "startTime").or(() -> text(reservation, "startDate")).orElse(""));
        };
    }

    /**
     * The day a leg departs or starts and where, to tell apart legs of one mail whose identity is otherwise the
     * same (a weekly commute, a through flight's two legs under one number).
     */
    String day(Map<String, Object> reservation, Map<String, Object> subject) {
        return switch (this) {
            case FLIGHT -> departureDate(subject) + "|" + text(subject, "departureAirport", "iataCode").orElse("");
            case TRAIN, BUS -> departureDate(subject);
            case LODGING -> date(reservation, "checkinDate").or(() -> date(reservation, "checkinTime")).orElse("");
            case RENTAL_CAR -> date(reservation, "pickupTime").orElse("");
            case EVENT -> date(subject, "startDate").orElse("");
            case FOOD -> date(reservation, "startTime").or(() -> date(reservation, "startDate")).orElse("");
        };
    }

    private static List<String> trip(String number, String station, String day, boolean referenced) {
        return referenced && !number.isEmpty() ? List.of(number, station) : List.of(number, station, day);
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static List<String> flightIdentity(Map<String, Object> flight, boolean referenced) {
        String airline = text(flight, "airline", "iataCode").map(code -> code.toUpperCase(Locale.ROOT)).orElse("");
        String number = text(flight, "flightNumber")
                .map(value -> WHITESPACE.matcher(value).replaceAll("").toUpperCase(Locale.ROOT)).orElse("");
        // "UA110" and "UA 110" with airline UA, and "110" with airline UA, are the same flight.
        Matcher glued = DESIGNATOR_AND_NUMBER.matcher(number);
        if (glued.matches() && glued.group(1).chars().anyMatch(Character::isLetter)
                && (airline.isEmpty() || airline.equals(glued.group(1)))) {
            airline = glued.group(1);
            number = glued.group(2);
        }
        if (airline.isEmpty()) {
            airline = nameOf(flight, "airline").orElse("");
        }
        if (referenced && !number.isEmpty()) {
            return List.of(airline, number);
        }
        return List.of(airline, number, departureDate(flight));
    }

    private static String departureDate(Map<String, Object> trip) {
        return date(trip, "departureTime").or(() -> date(trip, "departureDay")).orElse("");
    }
}
