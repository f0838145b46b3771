package io.mailsift.travel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rental car in a calendar event: the summary says renting a car ("Rental car reservation: Economy Class Car",
 * "Mietwagen Sixt", "Location de voiture", "Alquiler de coche"), or names a rental company and the description labels
 * a pick-up. The event's start is the pick-up and its end the return; the description's pick-up and return rows name
 * the branches, else the event's location is the pick-up. A return place nobody names is left out.
 */
final class CalendarRentals {

    private static final Pattern RENTAL_WORDS = Pattern.compile(
            "(?iu)(car rental|rental car|rent a car|rent-a-car|car hire|hire car|vehicle rental|mietwagen|"
                    + "autovermietung|mietauto|location de voiture|location voiture|voiture de location|location de véhicule|"
                    + "huurauto|autohuur|"
                    + "alquiler de coches?|coche de alquiler|alquiler de vehículo|noleggio auto|autonoleggio)");
    private static final Pattern RENTAL_COMPANIES = Pattern.compile(
            "(?iu)\\b(hertz|avis|sixt|europcar|enterprise|alamo|budget|thrifty|goldcar|keddy|dollar rent|national car)\\b");
    private static final Pattern NAME_PREFIX = Pattern.compile(
            "(?iu)^(?:your\\s+)?(?:(?:hertz|avis|sixt|europcar|enterprise|alamo|budget|thrifty|goldcar)\\s+)?"
                    + "(?:rental car reservation|car rental reservation|rental car|car rental|car hire|"
                    + "mietwagen|location de voiture|alquiler de coche)\\s*[:–-]?\\s*");

    private CalendarRentals() {
    }

    static boolean isRental(String summary, String description) {
        // "VW Polo or similar" with a pick-up row: a car class, which only renting books
        return RENTAL_WORDS.matcher(summary).find() || (RENTAL_COMPANIES.matcher(summary).find()
                || RentalWords.OR_SIMILAR.matcher(summary + "\n" + description).find()
                        && !RentalWords.TRANSFER.matcher(summary + "\n" + description).find())
                && !Labels.PICKUP.values(lines(description)).isEmpty();
    }

    /** A ride booked with its driver (an airport transfer, a shuttle, a taxi): neither a rental nor an event. */
    static boolean isTransfer(String summary) {
        return RentalWords.TRANSFER.matcher(summary).find();
    }

    /** The rental's type, car and places into the reservation; the times are the caller's (the event's). */
    static void fill(Map<String, Object> reservation, String summary, String description, String location) {
        List<String> lines = lines(description);
        reservation.put("@type", "RentalCarReservation");
        String name = NAME_PREFIX.matcher(summary.strip()).replaceFirst("").strip();
        Map<String, Object> car = new LinkedHashMap<>();
        car.put("@type", "RentalCar");
        car.put("name", name.isEmpty() ? "Rental car" : name);
        reservation.put("reservationFor", car);
        Optional<String> pickup = first(Labels.PICKUP, lines)
                .or(() -> location.isBlank() ? Optional.empty() : Optional.of(location.split(",")[0].strip()));
        pickup.ifPresent(place -> reservation.put("pickupLocation", Map.of("@type", "Place", "name", place)));
        first(Labels.DROPOFF, lines)
                .flatMap(place -> RentalWords.SAME_PLACE.matcher(place).find() ? pickup : Optional.of(place))
                .ifPresent(place -> reservation.put("dropoffLocation", Map.of("@type", "Place", "name", place)));
    }

    private static Optional<String> first(Labels label, List<String> lines) {
        return label.values(lines).stream().map(Map.Entry::getValue).map(String::strip)
                .filter(value -> !value.isEmpty() && value.length() <= 80).findFirst();
    }

    private static List<String> lines(String description) {
        return List.of(description.split("\n"));
    }
}
