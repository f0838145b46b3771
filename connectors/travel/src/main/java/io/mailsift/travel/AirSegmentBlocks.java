package io.mailsift.travel;

import io.mailsift.travel.Airports.Airport;
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

/**
 * Reads the itinerary that travel agencies' reservation systems (Sabre, Worldspan) print for a traveller, a layout
 * agencies mailed as it printed from the 1990s on: a day heading ("19 JUN 02  -  WEDNESDAY"), then one block per
 * flight, "AIR  AMERICAN AIRLINES  FLT:1364  ECONOMY" over an "LV" (leave) line and an "AR" (arrive) line, each with
 * the airport's name and a time with a meridiem letter ("710A", "122P", "1200N" for noon), and the airline's record
 * locator after "REF:". The airline is printed by name, the airports by name (or name and code), never as the
 * flight-number and airport-code tokens other readings start from.
 */
final class AirSegmentBlocks {

    private static final Pattern DAY_HEADING = Pattern.compile(
            "^[\\s>]*(\\d{1,2})\\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\\s+(\\d{2}|\\d{4})\\s*-\\s*"
                    + "(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY\\s*$");
    private static final Pattern AIR = Pattern.compile("^[\\s>]*AIR\\s+([A-Z][A-Z .'&-]*?)\\s+FLT:\\s*(\\d{1,4})\\b");
    /** "LV KANSAS CITY INTL   710A   EQP: MD-80", "AR BOSTON   122P   NON-STOP": the place, then the time. */
    private static final Pattern LEAVE_OR_ARRIVE = Pattern.compile(
            "^[\\s>]*(LV|AR)\\s+([A-Z][A-Z .'/-]*?)\\s+(\\d{1,2})(\\d{2})([APN])(?![\\p{L}\\d])");
    private static final Pattern REF = Pattern.compile("\\bREF:\\s*([A-Z0-9]{5,8})\\b");
    private static final Pattern CODE_AT_END = Pattern.compile("\\b([A-Z]{3})$");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");

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

    /** The flights of the printout the lines hold; not {@code read} when the lines are no such printout. */
    static Printout read(List<String> lines, LocalDate earliest) {
        if (lines.stream().noneMatch(line -> line.contains("FLT:"))) {
            return new Printout(false, List.of(), Optional.empty());
        }
        List<Map<String, Object>> flights = new ArrayList<>();
        List<String> locators = new ArrayList<>();
        LocalDate day = null;
        Block block = null;
        for (String line : lines) {
            Matcher heading = DAY_HEADING.matcher(line);
            Matcher air = AIR.matcher(line);
            if (heading.find()) {
                block = finish(block, flights, locators);
                day = day(heading);
            } else if (air.find()) {
                block = finish(block, flights, locators);
                Optional<String> airline = AirlineNames.code(air.group(1));
                block = day == null || airline.isEmpty() ? null
                        : new Block(airline.get() + " " + Integer.parseInt(air.group(2)), day);
            } else if (block != null) {
                block.read(line);
            }
        }
        finish(block, flights, locators);
        List<String> distinct = locators.stream().distinct().toList();
        Optional<String> locator = distinct.size() == 1 && locators.size() == flights.size()
                ? Optional.of(distinct.getFirst()) : Optional.empty();
        boolean read = !flights.isEmpty();
        flights.removeIf(leg -> LocalDate.parse(((String) ((Map<?, ?>) leg.get("reservationFor")).get("departureTime"))
                .substring(0, 10)).isBefore(earliest));
        return new Printout(read, flights, locator);
    }

    private static LocalDate day(Matcher heading) {
        int year = Integer.parseInt(heading.group(3));
        return LocalDate.of(year < 100 ? 2000 + year : year, MONTHS.indexOf(heading.group(2)) + 1,
                Integer.parseInt(heading.group(1)));
    }

    /**
     * The block's flight, when its departure was read: an airport whose name does not decide it (a city of several,
     * a name spelled otherwise) is left out, its city's zone still placing the time.
     */
    private static Block finish(Block block, List<Map<String, Object>> flights, List<String> locators) {
        if (block != null && block.leaves != null) {
            Map<String, Object> flight = Legs.flight(block.flightNumber, block.from.map(Airport::code),
                    block.to.map(Airport::code));
            flight.put("departureTime", Legs.localTime(block.day, block.leaves, zone(block.from, block.fromPlace)));
            if (block.arrives != null) {
                // an arrival earlier in the day than the departure is the next day's (an overnight flight)
                LocalDate arrivalDay = block.arrives.isBefore(block.leaves) ? block.day.plusDays(1) : block.day;
                flight.put("arrivalTime", Legs.localTime(arrivalDay, block.arrives, zone(block.to, block.toPlace)));
            }
            Map<String, Object> reservation = new LinkedHashMap<>();
            reservation.put("@type", "FlightReservation");
            reservation.put("reservationFor", flight);
            flights.add(reservation);
            if (block.locator != null) {
                locators.add(block.locator);
            }
        }
        return null;
    }

    private static Optional<ZoneId> zone(Optional<Airport> airport, String place) {
        return airport.map(Airport::zone).or(() -> Airports.zoneOfPlace(place));
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

    /** A time with a meridiem letter: "710A", "1220P", "1200N" (noon). */
    static LocalTime time(String hours, String minutes, String meridiem) {
        int hour = Integer.parseInt(hours) % 12 + ("P".equals(meridiem) ? 12 : 0);
        if ("N".equals(meridiem)) {
            hour = 12;
        }
        return LocalTime.of(hour, Integer.parseInt(minutes));
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
