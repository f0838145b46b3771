package io.mailsift.travel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legs of a rail or coach journey that one calendar event describes as pairs of timed stops, as journey planners
 * export them ("ab 10:26 Frankfurt(Main)Hbf - Gleis 19 (ICE 16)" then "an 11:33 Köln Hbf - Gleis 6"; "fra 13:17 ...",
 * "dép. 12:46 ...", "odj. 11:56 ..."; "Dep:14:39|Vienna, Hbf|Vienna → Prague (RJ 1234)" then "Arr:16:05|Brno"): each
 * pair whose departure names a train or coach (in brackets on its line, or on the line before it) is one leg, between
 * the two stations, on the event's day, the next day after midnight. A pair without a number (a walk between stations,
 * "(Fußweg)") is no leg. The departure and arrival words are not read: every language has its own.
 *
 * <p>Times are as printed; the first departure and the last arrival carry the offset of the event's DTSTART and DTEND
 * zones, the times in between stay local (their station's zone is not known).
 */
final class JourneyLegs {

    /** A timed stop: a short departure/arrival word (optional), the time, the station and what follows it. */
    private static final Pattern STOP = Pattern.compile(
            "^[\\s•●○◦▪*-]*(?:\\p{L}{1,6}\\.?\\s*:?\\s*)?(\\d{1,2}:\\d{2})(?:\\s+|\\s*\\|\\s*)(\\S.*?)\\s*$");
    /** A transport's number in brackets, as the departure line ends with it: "(ICE   16)", "(Bus51016)", "(RJ, RJ 1234)". */
    private static final Pattern NUMBER_IN_BRACKETS = Pattern.compile("\\(([^()]*\\d[^()]*)\\)\\s*$");
    /** A line that is only a train's number, the leg's stops under it: "ICE 577 (1071)". */
    private static final Pattern NUMBER_LINE = Pattern.compile("^\\s*(\\p{Lu}{1,5}\\s?\\d{1,5})(?:\\s*\\(\\d+\\))?\\s*$");
    /** The platform after a station: "- Gleis 19", "- Spor 6D-E", "- voie 10", "▷ Gleis 1a", "- Peron 11 Süd". */
    private static final Pattern PLATFORM = Pattern.compile("\\s+[-▷|]\\s+\\p{L}{2,10}\\.?(?:\\s+(\\d[\\p{L}\\d -]{0,10}?))?\\s*$");
    private static final Pattern TRANSPORT_NUMBER = Pattern.compile("(?:\\p{Lu}[\\p{Lu}\\d]{0,4}|Bus)\\s?\\d{1,6}");
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    private static final Pattern BUS = Pattern.compile("(?iu)^(bus|fernbus|autobus|autocar|coach)(?![\\p{L}])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");
    /** The longest line a stop or a one-line leg is read from. */
    private static final int LONGEST_LINE = 160;

    private JourneyLegs() {
    }

    /** One leg of a journey as read. */
    record Leg(String number, String from, Optional<String> fromPlatform, LocalDateTime departure, String to,
            Optional<String> toPlatform, LocalDateTime arrival) {

        boolean isBus() {
            return BUS.matcher(number).find();
        }
    }

    /** The legs the description lists, in order; empty when it lists none with a train or coach number. */
    static List<Leg> legs(String description, LocalDate day) {
        List<String> lines = List.of(LINE_BREAK.split(description));
        List<Leg> legs = new ArrayList<>();
        LocalDateTime previous = day.atStartOfDay();
        for (int i = 0; i < lines.size(); i++) {
            Optional<Leg> alone = legOnOneLine(lines.get(i), previous);
            if (alone.isPresent()) {
                legs.add(alone.get());
                previous = alone.get().arrival();
                continue;
            }
            if (i + 1 >= lines.size()) {
                break;
            }
            // a stop is a short line: a long one (a pasted text, a terms paragraph) is none, and is not worth
            // matching at all (the stop pattern's trailing spaces cost a square of a long run of them)
            if (lines.get(i).length() > LONGEST_LINE || lines.get(i + 1).length() > LONGEST_LINE) {
                continue;
            }
            Matcher departure = STOP.matcher(lines.get(i));
            Matcher arrival = STOP.matcher(lines.get(i + 1));
            if (!departure.matches() || !arrival.matches()) {
                continue;
            }
            String rest = departure.group(2);
            Optional<String> number = numberIn(rest);
            if (number.isEmpty() && i > 0) {
                Matcher above = NUMBER_LINE.matcher(lines.get(i - 1));
                number = above.matches() ? Optional.of(above.group(1)) : Optional.empty();
            }
            if (number.isEmpty()) {
                continue;
            }
            Optional<LocalTime> leaves = time(departure.group(1));
            Optional<LocalTime> arrives = time(arrival.group(1));
            Station from = station(rest);
            Station to = station(arrival.group(2));
            // a flight's number in brackets ("Départ 11:10 Paris CDG (AF 1234)") is no train's: the flight reading
            // has it
            if (isFlight(number.get(), from.name() + " " + to.name())) {
                continue;
            }
            if (leaves.isEmpty() || arrives.isEmpty() || from.name().isEmpty() || to.name().isEmpty()) {
                continue;
            }
            LocalDateTime leaving = after(previous, leaves.get());
            LocalDateTime arriving = after(leaving, arrives.get());
            legs.add(new Leg(number.get(), from.name(), from.platform(), leaving, to.name(), to.platform(), arriving));
            previous = arriving;
            i++;
        }
        return legs;
    }

    /**
     * A leg printed on one line: "TGV 9553 : Paris Est 07:55 → Frankfurt(Main)Hbf 11:45", or with its train in
     * brackets after it ("Paris Est 07:55 → Frankfurt(Main)Hbf 11:45 (TGV 9553)").
     */
    private static Optional<Leg> legOnOneLine(String line, LocalDateTime previous) {
        if (line.length() > LONGEST_LINE) {
            return Optional.empty();
        }
        Matcher m = NUMBER_FIRST.matcher(line);
        String number;
        if (m.matches()) {
            number = m.group(1);
        } else {
            m = NUMBER_LAST.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            number = m.group(6);
        }
        number = SPACES.matcher(number.strip()).replaceAll(" ");
        Optional<LocalTime> leaves = time(m.group(3).replace('h', ':').replace('.', ':'));
        Optional<LocalTime> arrives = time(m.group(5).replace('h', ':').replace('.', ':'));
        // alone on a line the number must be a train's we know ("TGV 9553", "ICE 1091") or a bus's: "B2 Keynote 09:00 -
        // Coffee 10:30" in an agenda is no leg
        if (!isKnownTrainOrBus(number) || !TRANSPORT_NUMBER.matcher(number).matches() || leaves.isEmpty() || arrives.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime leaving = after(previous, leaves.get());
        return Optional.of(new Leg(number, m.group(2).strip(), Optional.empty(), leaving, m.group(4).strip(),
                Optional.empty(), after(leaving, arrives.get())));
    }

    private static final String ONE_LINE_ROUTE = "(\\S.{0,60}?)\\s+(\\d{1,2}[:h.]\\d{2})\\s*(?:→|->|➞|➔|–|-)\\s*"
            + "(\\S.{0,60}?)\\s+(\\d{1,2}[:h.]\\d{2})";
    private static final Pattern NUMBER_FIRST = Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{Lu}\\d]{0,4}\\s?\\d{1,6})\\s*[:|–-]?\\s+" + ONE_LINE_ROUTE + "\\s*$");
    private static final Pattern NUMBER_LAST = Pattern.compile(
            "^\\s*()" + ONE_LINE_ROUTE + "\\s*\\((\\p{Lu}[\\p{Lu}\\d]{0,4}\\s?\\d{1,6})\\)\\s*$");

    /** The legs as reservations, each end's time as {@code format} writes it (first, last or in between). */
    static List<Map<String, Object>> reservations(List<Leg> legs, Optional<ZoneId> startZone, Optional<ZoneId> endZone) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            boolean bus = leg.isBus();
            Map<String, Object> trip = new LinkedHashMap<>();
            trip.put("@type", bus ? "BusTrip" : "TrainTrip");
            trip.put(bus ? "busNumber" : "trainNumber", leg.number());
            String stop = bus ? "BusStop" : "TrainStation";
            trip.put(bus ? "departureBusStop" : "departureStation", Map.of("@type", stop, "name", leg.from()));
            trip.put(bus ? "arrivalBusStop" : "arrivalStation", Map.of("@type", stop, "name", leg.to()));
            trip.put("departureTime", format(leg.departure(), i == 0 ? startZone : Optional.empty()));
            trip.put("arrivalTime", format(leg.arrival(), i == legs.size() - 1 ? endZone : Optional.empty()));
            leg.fromPlatform().ifPresent(platform -> trip.put("departurePlatform", platform));
            leg.toPlatform().ifPresent(platform -> trip.put("arrivalPlatform", platform));
            Map<String, Object> reservation = new LinkedHashMap<>();
            reservation.put("@type", bus ? "BusReservation" : "TrainReservation");
            reservation.put("reservationFor", trip);
            found.add(reservation);
        }
        return found;
    }

    private static String format(LocalDateTime time, Optional<ZoneId> zone) {
        return zone.map(z -> time.atZone(z).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .orElseGet(() -> time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    private record Station(String name, Optional<String> platform) {
    }

    /** The station a stop names, without its number, platform and the cells after it ("Vienna, Hbf|RJ 1234|1/42"). */
    private static Station station(String rest) {
        String place = rest;
        int cell = place.indexOf('|');
        if (cell >= 0) {
            place = place.substring(0, cell);
        }
        place = TRAILING_BRACKETS.matcher(place).replaceFirst("");
        Optional<String> platform = Optional.empty();
        Matcher track = PLATFORM.matcher(place);
        if (track.find()) {
            platform = Optional.ofNullable(track.group(1)).map(String::strip);
            place = place.substring(0, track.start());
        }
        return new Station(place.strip(), platform);
    }

    private static Optional<String> numberIn(String rest) {
        for (String cell : rest.split("\\|")) {
            Matcher number = NUMBER_IN_BRACKETS.matcher(cell);
            if (number.find()) {
                String value = SPACES.matcher(number.group(1).strip()).replaceAll(" ");
                // "(RJ, RJ 1234)": the product then its number; the number is what identifies the train
                int comma = value.lastIndexOf(", ");
                String code = comma >= 0 ? value.substring(comma + 2) : value;
                // a product's capitals and a number ("ICE 16", "X2 531", "Bus 647"), not "(Room 101)" or "(Hall 2)"
                return TRANSPORT_NUMBER.matcher(code).matches() ? Optional.of(code) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A number some train or bus has: "TGV 9553", "ICE 1091", "Bus 647". */
    private static boolean isKnownTrainOrBus(String number) {
        return !Legs.trainNumbers(number).isEmpty() || BUS.matcher(number).find();
    }

    /**
     * Whether a number in a stop's brackets is a flight's: an airline's designator ("AF 1234") no train or coach is
     * known by, with a stop at an airport (its code or the word). Trains have numbers an airline's code shares
     * ("FA 9736" a Frecciargento, "2L 1058"), between stations.
     */
    private static boolean isFlight(String number, String stops) {
        if (isKnownTrainOrBus(number)) {
            return false;
        }
        Matcher flight = FLIGHT_NUMBER.matcher(number);
        if (!flight.matches() || Airports.airline(flight.group(1)).isEmpty()) {
            return false;
        }
        if (AIRPORT_WORD.matcher(stops).find()) {
            return true;
        }
        Matcher code = AIRPORT_CODE.matcher(stops);
        while (code.find()) {
            if (Airports.airport(code.group()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** An airline's designator and a flight's number: "AF 1234", "U2 5012". */
    private static final Pattern FLIGHT_NUMBER = Pattern.compile("([A-Z][A-Z0-9]|[0-9][A-Z])\\s?\\d{1,4}");
    private static final Pattern AIRPORT_CODE = Pattern.compile("(?<![\\p{L}\\d])[A-Z]{3}(?![\\p{L}\\d])");
    private static final Pattern AIRPORT_WORD = Pattern.compile(
            "(?iu)(?<![\\p{L}])(airport|aéroport|aeropuerto|aeroporto|luchthaven|lotniska?|letiště|terminal)(?![\\p{L}])");

    private static LocalDateTime after(LocalDateTime previous, LocalTime time) {
        LocalDateTime candidate = previous.toLocalDate().atTime(time);
        return candidate.isBefore(previous) ? candidate.plusDays(1) : candidate;
    }

    private static Optional<LocalTime> time(String hhmm) {
        try {
            return Optional.of(LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm));
        } catch (DateTimeParseException bad) {
            return Optional.empty();
        }
    }
}
