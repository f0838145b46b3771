package io.mailsift.travel;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.Airports.Airport;

/**
 * Reads the invoice and itinerary a travel agency's reservation system (Sabre) prints as a table under the header
 * "SERVICE  DATE  FROM  TO  DEPART  ARRIVE": a flight takes two rows, the airline's name, the day ("24OCT"), the two
 * cities ("HOUSTON TX", "NEW YORK NY") and the two times ("1030A", "302P"), then the flight number ("CO 1712"), the
 * booking class, the weekday and the two airports' names ("G.BUSH INTERCO", "LA GUARDIA"). The cities alone do not
 * decide an airport where a city has several; the city and the airport's name together do. Hotel, car and other
 * service rows of the table are left to other readings.
 */
final class ServiceTableRows {

    private static final Pattern HEADER = Pattern.compile(
            "(?i)^SERVICE\\tDATE\\tFROM\\tTO\\tDEPART\\tARRIVE\\b");
    /** "CONTINENTAL AIRLINES\t24OCT HOUSTON TX\tNEW YORK NY\t1030A\t302P": the day's column is one space wide. */
    private static final Pattern FIRST_ROW = Pattern.compile("^([A-Z][A-Z .&'-]+)\\t(" + AirSegmentBlocks.PRINTED_DAY
            + ")\\s+([^\\t].*?)\\t(\\d{3,4}[APN])(?:\\t(\\d{3,4}[APN]))?(?![\\p{L}\\d])");
    /** "CO 1712\tM\tWED\tG.BUSH INTERCO LA GUARDIA": number, booking class, weekday, the airports' names. */
    private static final Pattern SECOND_ROW = Pattern.compile("^([A-Z0-9]{2})\\s?(\\d{1,4})\\t(?:[A-Z]\\t)?"
            + "(?:(?:MON|TUE|WED|THU|FRI|SAT|SUN)\\t)?([^\\t].*)$");
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(\\d{2})([APN])$");
    /** "HOTEL\t24OCT MARRIOTT EAST SIDE": the day of arrival, then the hotel's name. */
    private static final Pattern HOTEL_ROW = Pattern.compile("^HOTEL\\t(" + AirSegmentBlocks.PRINTED_DAY + ")\\s+(\\S.*)$");
    /** The hotel's second row starts with the day of departure ("26OCT 525 LEXINGTON AVENUE"). */
    private static final Pattern OUT_DAY = Pattern.compile("^(" + AirSegmentBlocks.PRINTED_DAY + ")(?![\\p{L}\\d])");
    /** A row that starts the next service: a name, a tab and a day. */
    private static final Pattern SERVICE_ROW = Pattern.compile("^[A-Z][A-Z .&'-]+\\t" + AirSegmentBlocks.PRINTED_DAY);
    private static final Pattern HOTEL_CONFIRMATION = Pattern.compile(
            "^CONFIRMATION(?: NUMBER)?:?\\s*([A-Z0-9]{5,16})(?![\\p{L}\\d])");
    /** The agency's locator in its heading ("AGENT KW/KW BOOKING REF QXTRMB"). */
    private static final Pattern BOOKING_REF = Pattern.compile("\\bBOOKING REF(?:ERENCE)?:?\\s+([A-Z0-9]{6})\\b");

    private ServiceTableRows() {
    }

    /**
     * The flights of the table, on or after the earliest day: a day printed without its year is the first such day
     * on or after the day the mail was sent ({@code reference}). Not {@code read} when the lines hold no such table.
     */
    static AirSegmentBlocks.Printout read(List<String> lines, LocalDate reference, LocalDate earliest) {
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (HEADER.matcher(lines.get(i)).find()) {
                header = i;
            }
        }
        if (header < 0) {
            return new AirSegmentBlocks.Printout(false, List.of(), Optional.empty());
        }
        List<Map<String, Object>> flights = new ArrayList<>();
        for (int i = header + 1; i + 1 < lines.size(); i++) {
            int at = i;
            flight(lines.get(i), lines.get(i + 1), reference).or(() -> stay(lines, at, reference))
                    .ifPresent(flights::add);
        }
        Optional<String> locator = Optional.empty();
        for (String line : lines.subList(0, header)) {
            Matcher ref = BOOKING_REF.matcher(line);
            if (ref.find()) {
                locator = Optional.of(ref.group(1));
            }
        }
        boolean read = !flights.isEmpty();
        AirSegmentBlocks.dropBefore(flights, earliest);
        return new AirSegmentBlocks.Printout(read, flights, locator);
    }

    /** A flight's two rows: name, day, cities and times; then number, class, weekday and airports. */
    private static Optional<Map<String, Object>> flight(String first, String second, LocalDate reference) {
        Matcher row = FIRST_ROW.matcher(first);
        Matcher number = SECOND_ROW.matcher(second);
        if (!row.find() || !number.find() || Airports.airline(number.group(1)).isEmpty()) {
            return Optional.empty();
        }
        // the cities' cells; one when a name filled its column and ran into the next
        String[] cities = row.group(3).split("\t");
        String fromCity = cities[0];
        String toCity = cities.length > 1 ? cities[cities.length - 1] : "";
        // the airports' names: two cells, or one when they ran together ("G.BUSH INTERCO LA GUARDIA"), which then
        // serves both cities (each takes its own airport's word)
        String[] names = number.group(3).split("\t");
        String fromName = names[0];
        String toName = names.length > 1 ? names[names.length - 1] : names[0];
        Optional<Airport> from = Airports.ofPlaceName(fromCity + " " + fromName);
        Optional<Airport> to = toCity.isEmpty() ? Optional.empty() : Airports.ofPlaceName(toCity + " " + toName);
        // "08JAN" printed in December is next January
        Optional<LocalDate> date = AirSegmentBlocks.dayFromOrEmpty(row.group(2), reference);
        Optional<LocalTime> leaves = time(row.group(4));
        if (date.isEmpty() || leaves.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalTime> arrives = Optional.ofNullable(row.group(5)).flatMap(ServiceTableRows::time);
        return Optional.of(AirSegmentBlocks.flight(number.group(1) + " " + Integer.parseInt(number.group(2)),
                date.get(), new AirSegmentBlocks.Place(from, fromCity), leaves.get(),
                new AirSegmentBlocks.Place(to, toCity), arrives));
    }

    /** "1030A", "302P": none for what no clock shows ("1375P"). */
    private static Optional<LocalTime> time(String printed) {
        Matcher time = TIME.matcher(printed);
        return time.matches() && Integer.parseInt(time.group(1)) <= 12 && Integer.parseInt(time.group(2)) < 60
                ? Optional.of(AirSegmentBlocks.time(time.group(1), time.group(2), time.group(3))) : Optional.empty();
    }

    /**
     * A hotel's rows: "HOTEL", the day of arrival and the hotel's name, then the day of departure (and the address),
     * then its lines up to the next service, one of which may give the hotel's own confirmation number.
     */
    private static Optional<Map<String, Object>> stay(List<String> lines, int at, LocalDate reference) {
        Matcher hotel = HOTEL_ROW.matcher(lines.get(at));
        Matcher out = at + 1 < lines.size() ? OUT_DAY.matcher(lines.get(at + 1)) : null;
        if (!hotel.find() || out == null || !out.find()) {
            return Optional.empty();
        }
        Optional<LocalDate> checkin = AirSegmentBlocks.dayFromOrEmpty(hotel.group(1), reference);
        Optional<LocalDate> checkout = checkin.flatMap(day -> AirSegmentBlocks.dayFromOrEmpty(out.group(1), day));
        if (checkout.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> confirmation = Optional.empty();
        for (int i = at + 2; i < lines.size() && !SERVICE_ROW.matcher(lines.get(i)).find()
                && confirmation.isEmpty(); i++) {
            Matcher number = HOTEL_CONFIRMATION.matcher(lines.get(i));
            confirmation = number.find() ? Optional.of(number.group(1)) : Optional.empty();
        }
        return AirSegmentBlocks.stay(hotel.group(2).strip(), checkin.get(), checkout.get(), confirmation);
    }
}
