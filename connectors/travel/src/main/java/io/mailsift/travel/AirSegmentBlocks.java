package io.mailsift.travel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.Airports.Airport;

/**
 * Reads the itinerary that travel agencies' reservation systems (Sabre, Worldspan) print for a traveller, a layout
 * agencies mailed as it printed from the 1990s on: a day heading ("19 JUN 02  -  WEDNESDAY"), then one block per
 * flight, "AIR  AMERICAN AIRLINES  FLT:1364  ECONOMY" over an "LV" (leave) line and an "AR" (arrive) line, each with
 * the airport's name and a time with a meridiem letter ("710A", "122P", "1200N" for noon), and the airline's record
 * locator after "REF:". The airline is printed by name, the airports by name (or name and code), never as the
 * flight-number and airport-code tokens other readings start from.
 */
final class AirSegmentBlocks {

    /** The months as reservation systems abbreviate them, January first: the one table of this reading's patterns. */
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final String MONTH = "(" + String.join("|", MONTHS) + ")";
    private static final String WEEKDAY = "(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY";
    /**
     * A day heading alone on its line, its groups the day, the month's abbreviation and the year, as the systems
     * print it: "19 JUN 02  -  WEDNESDAY", "WEDNESDAY 19 JUNE 2002", "19JUN02". A day without its weekday is read
     * only in the compact form, which no sentence or address has.
     */
    private static final List<Pattern> DAY_HEADINGS = List.of(
            Pattern.compile("^[\\s>]*(\\d{1,2})\\s+" + MONTH + "\\s+(\\d{2}|\\d{4})\\s*-\\s*" + WEEKDAY + "\\s*$"),
            Pattern.compile("^[\\s>]*" + WEEKDAY + ",?\\s+(\\d{1,2})\\s+" + MONTH + "(?:[A-Z]{1,6})?\\.?\\s+(\\d{4}|\\d{2})\\s*$"),
            Pattern.compile("^[\\s>]*(\\d{1,2})" + MONTH + "(\\d{2})\\s*$"));
    private static final Pattern AIR = Pattern.compile("^[\\s>]*AIR\\s+([A-Z][A-Z .'&-]*?)\\s+FLT:\\s*(\\d{1,4})\\b");
    /** "LV KANSAS CITY INTL   710A   EQP: MD-80", "AR BOSTON   122P   NON-STOP": the place, then the time. */
    private static final Pattern LEAVE_OR_ARRIVE = Pattern.compile(
            "^[\\s>]*(LV|AR)\\s+([A-Z][A-Z .'/-]*?)\\s+(\\d{1,2})(\\d{2})([APN])(?![\\p{L}\\d])");
    /** A day as reservation systems print it, without its year: "24OCT", "6MAR". */
    static final String PRINTED_DAY = "\\d{1,2}(?:" + String.join("|", MONTHS) + ")";
    /** "HOTEL DUBAI   OUT-26MAR": a stay from the day heading above to the day after "OUT-". */
    private static final Pattern HOTEL = Pattern.compile(
            "^[\\s>]*HOTEL\\s+[A-Z][A-Z .'/-]*?\\s+OUT-(" + PRINTED_DAY + ")\\b");
    /** The stay's hotel: the name before "1 ROOM" ("JUMEIRAH EMIRATES TOWERS   1 ROOM   DELUXE ROOM - KING BED"). */
    private static final Pattern HOTEL_NAME = Pattern.compile("^[\\s>]*([A-Z][A-Z0-9 .&'/-]*?)\\s+\\d{1,2} ROOMS?\\b");
    private static final Pattern CONFIRMATION = Pattern.compile(
            "^[\\s>]*CONFIRMATION(?: NUMBER)?:?\\s+([A-Z0-9]{5,16})(?![\\p{L}\\d])");
    /** "OTHER   NEW YORK": the printout's closing service, after which no block goes on. */
    private static final Pattern OTHER = Pattern.compile("^[\\s>]*OTHER\\s");
    private static final Pattern REF = Pattern.compile("\\bREF:\\s*([A-Z0-9]{5,8})\\b");
    private static final Pattern CODE_AT_END = Pattern.compile("\\b([A-Z]{3})$");

    /**
     * The reservations read, those before the earliest day left out (a statement of past trips), and the record
     * locator the printout gives for all of them. A reservation whose own number the printout gives (a hotel's
     * confirmation) carries it under {@link #OWN_NUMBER} until {@link #withOwnNumber} puts it in place.
     */
    record Printout(boolean read, List<Map<String, Object>> reservations, Optional<String> locator) {
    }

    static final String OWN_NUMBER = "mailsift:ownNumber";

    private AirSegmentBlocks() {
    }

    /** The reservation with the number the printout gives for it alone, in place of the whole booking's. */
    static void withOwnNumber(Map<String, Object> reservation) {
        Object own = reservation.remove(OWN_NUMBER);
        if (own != null) {
            reservation.put("reservationNumber", own);
        }
    }

    /**
     * The reservations of the printout the lines hold, its flights and its hotel stays in printed order; not
     * {@code read} when the lines are no such printout.
     */
    static Printout read(List<String> lines, LocalDate earliest) {
        if (lines.stream().noneMatch(line -> line.contains("FLT:"))) { // no printout without a flight block
            return new Printout(false, List.of(), Optional.empty());
        }
        List<Map<String, Object>> flights = new ArrayList<>();
        List<String> locators = new ArrayList<>();
        LocalDate day = null;
        Block block = null;
        Stay stay = null;
        for (String line : lines) {
            Matcher heading = dayHeading(line);
            Matcher air = AIR.matcher(line);
            Matcher hotel = HOTEL.matcher(line);
            boolean isHeading = heading != null;
            boolean isAir = !isHeading && air.find();
            boolean isHotel = !isHeading && !isAir && hotel.find();
            if (isHeading || isAir || isHotel || OTHER.matcher(line).find()) {
                block = finish(block, flights, locators);
                stay = finish(stay, flights);
            }
            if (isHeading) {
                day = day(heading).orElse(null);
            } else if (isAir) {
                Optional<String> airline = AirlineNames.code(air.group(1));
                block = day == null || airline.isEmpty() ? null
                        : new Block(airline.get() + " " + Integer.parseInt(air.group(2)), day);
            } else if (isHotel) {
                LocalDate checkin = day;
                stay = checkin == null ? null
                        : dayFromOrEmpty(hotel.group(1), checkin).map(out -> new Stay(checkin, out)).orElse(null);
            } else if (block != null) {
                block.read(line);
            } else if (stay != null) {
                stay.read(line);
            }
        }
        finish(block, flights, locators);
        finish(stay, flights);
        List<String> distinct = locators.stream().distinct().toList();
        long legs = flights.stream().filter(found -> !found.containsKey("checkinTime")).count();
        Optional<String> locator = distinct.size() == 1 && locators.size() == legs
                ? Optional.of(distinct.getFirst()) : Optional.empty();
        boolean read = !flights.isEmpty();
        dropBefore(flights, earliest);
        return new Printout(read, flights, locator);
    }

    /** The line's day heading, matched; null when the line is none. */
    private static Matcher dayHeading(String line) {
        for (Pattern format : DAY_HEADINGS) {
            Matcher m = format.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    /** The heading's day; none for a day no calendar has ("31 FEB 27"). */
    private static Optional<LocalDate> day(Matcher heading) {
        int year = Integer.parseInt(heading.group(3));
        try {
            return Optional.of(LocalDate.of(year < 100 ? 2000 + year : year, MONTHS.indexOf(heading.group(2)) + 1,
                    Integer.parseInt(heading.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The block's flight, when its departure was read: an airport whose name does not decide it (a city of several,
     * a name spelled otherwise) is left out, its city's zone still placing the time.
     */
    private static Block finish(Block block, List<Map<String, Object>> flights, List<String> locators) {
        if (block != null && block.leaves != null) {
            flights.add(flight(block.flightNumber, block.day, new Place(block.from, block.fromPlace), block.leaves,
                    new Place(block.to, block.toPlace), Optional.ofNullable(block.arrives)));
            if (block.locator != null) {
                locators.add(block.locator);
            }
        }
        return null;
    }

    /** The stay, when the hotel's name was read and the stay is of a hotel's length. */
    private static Stay finish(Stay stay, List<Map<String, Object>> reservations) {
        if (stay != null && stay.name != null) {
            stay(stay.name, stay.checkin, stay.checkout, Optional.ofNullable(stay.confirmation))
                    .ifPresent(reservations::add);
        }
        return null;
    }

    /**
     * A stay a printout gives, with the hotel's own confirmation number when it prints one; none when its dates are
     * not a hotel stay's (no night, or more than a month).
     */
    static Optional<Map<String, Object>> stay(String name, LocalDate checkin, LocalDate checkout,
            Optional<String> confirmation) {
        if (!checkout.isAfter(checkin) || checkout.isAfter(checkin.plusDays(31))) {
            return Optional.empty();
        }
        Map<String, Object> business = new LinkedHashMap<>();
        business.put("@type", "LodgingBusiness");
        business.put("name", name);
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("@type", "LodgingReservation");
        reservation.put("reservationFor", business);
        reservation.put("checkinTime", checkin.toString());
        reservation.put("checkoutTime", checkout.toString());
        confirmation.ifPresent(number -> reservation.put(OWN_NUMBER, number));
        return Optional.of(reservation);
    }

    /**
     * A day printed without its year ("26MAR", "24OCT"): the first such day on or after {@code from}; none for a day
     * no calendar has ("30FEB").
     */
    static Optional<LocalDate> dayFromOrEmpty(String printed, LocalDate from) {
        try {
            LocalDate day = LocalDate.of(from.getYear(), MONTHS.indexOf(printed.substring(printed.length() - 3)) + 1,
                    Integer.parseInt(printed.substring(0, printed.length() - 3)));
            return Optional.of(day.isBefore(from) ? day.plusYears(1) : day);
        } catch (DateTimeException e) {
            return Optional.empty(); // "29FEB" in a year without one is dropped too, not moved to March
        }
    }

    /** Leaves out what starts before the earliest day: a statement's past trips. */
    static void dropBefore(List<Map<String, Object>> reservations, LocalDate earliest) {
        reservations.removeIf(found -> LocalDate.parse(String.valueOf(found.containsKey("checkinTime")
                ? found.get("checkinTime") : ((Map<?, ?>) found.get("reservationFor")).get("departureTime"))
                .substring(0, 10)).isBefore(earliest));
    }

    /** Where a printout's leg starts or ends: the airport its names decide, else only the place as printed. */
    record Place(Optional<Airport> airport, String printed) {

        Optional<ZoneId> zone() {
            return airport.map(Airport::zone).or(() -> Airports.zoneOfPlace(printed));
        }
    }

    /**
     * A printout's flight leaving on its day; an arrival earlier in the day than the departure is the next day's (an
     * overnight flight).
     */
    static Map<String, Object> flight(String flightNumber, LocalDate day, Place from, LocalTime leaves, Place to,
            Optional<LocalTime> arrives) {
        Map<String, Object> flight = Legs.flight(flightNumber, from.airport().map(Airport::code),
                to.airport().map(Airport::code));
        flight.put("departureTime", Legs.localTime(day, leaves, from.zone()));
        arrives.ifPresent(time -> flight.put("arrivalTime",
                Legs.localTime(time.isBefore(leaves) ? day.plusDays(1) : day, time, to.zone())));
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("@type", "FlightReservation");
        reservation.put("reservationFor", flight);
        return reservation;
    }

    /** The airport a printout's place stands for: its code when it ends with one, else its name. */
    static Optional<Airport> airport(String place) {
        Matcher code = CODE_AT_END.matcher(place.strip());
        if (code.find()) {
            Optional<Airport> coded = Airports.airport(code.group(1))
                    .filter(airport -> Airports.ofPlaceName(place).map(named -> named.equals(airport)).orElse(true));
            if (coded.isPresent()) {
                return coded;
            }
        }
        return Airports.ofPlaceName(place);
    }

    /** A time with a meridiem letter: "710A", "1220P", "1200N" (noon); the caller has checked its hours and minutes. */
    static LocalTime time(String hours, String minutes, String meridiem) {
        int hour = Integer.parseInt(hours) % 12 + ("P".equals(meridiem) ? 12 : 0);
        if ("N".equals(meridiem)) {
            hour = 12;
        }
        return LocalTime.of(hour, Integer.parseInt(minutes));
    }

    private static final class Stay {
        private final LocalDate checkin;
        private final LocalDate checkout;
        private String name;
        private String confirmation;

        Stay(LocalDate checkin, LocalDate checkout) {
            this.checkin = checkin;
            this.checkout = checkout;
        }

        void read(String line) {
            Matcher named = HOTEL_NAME.matcher(line);
            if (name == null && named.find()) {
                name = named.group(1).strip();
            }
            Matcher number = CONFIRMATION.matcher(line);
            if (confirmation == null && number.find()) {
                confirmation = number.group(1);
            }
        }
    }

    private static final class Block {
        private final String flightNumber;
        private final LocalDate day;
        private Optional<Airport> from = Optional.empty();
        private Optional<Airport> to = Optional.empty();
        private String fromPlace = "";
        private String toPlace = "";
        private LocalTime leaves;
        private LocalTime arrives;
        private String locator;

        Block(String flightNumber, LocalDate day) {
            this.flightNumber = flightNumber;
            this.day = day;
        }

        void read(String line) {
            Matcher place = LEAVE_OR_ARRIVE.matcher(line);
            if (place.find() && Integer.parseInt(place.group(3)) <= 12 && Integer.parseInt(place.group(4)) < 60) {
                Optional<Airport> airport = airport(place.group(2));
                LocalTime time = time(place.group(3), place.group(4), place.group(5));
                if ("LV".equals(place.group(1).toUpperCase(Locale.ROOT))) {
                    from = airport;
                    fromPlace = place.group(2);
                    leaves = time;
                } else {
                    to = airport;
                    toPlace = place.group(2);
                    arrives = time;
                }
            }
            Matcher ref = REF.matcher(line);
            if (ref.find() && locator == null) {
                locator = ref.group(1);
            }
        }
    }
}
