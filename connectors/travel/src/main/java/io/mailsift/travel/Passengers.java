package io.mailsift.travel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.connector.PersonNames;

/**
 * The passengers a booking names when it names SEVERAL, in the mail's order: a GDS name field
 * ("1.1SMITH/JOHN MR 2.1SMITH/ANNA MRS"), passenger labels with different names ("Passenger: John Smith", a
 * passenger table's rows, "Passenger 2: Anna Smith", "Voyageur", "Pasajero", "Reisende"), or the names listed under a
 * passenger heading ("Passagiere" and one name a line). Strict on purpose: only labels that name a traveller (not
 * "Name", "Guest" or "Prepared for", which may name the booker), and only values that read as a person's name (no
 * digit, no fare, tier, title-only or address word). When fewer than two passengers are sure the booking stays one
 * reservation per leg under the first passenger, as before.
 *
 * <p>A passenger's own seat and ticket number are taken only from a passenger table whose rows all have the same
 * width (each name's row holds at most one of each), so the value belongs to that name without doubt.
 */
final class Passengers {

    /** One passenger: the name as printed, and the seat and ticket number the mail ties to them, if any. */
    record Passenger(String name, Optional<String> seat, Optional<String> ticketNumber) {
    }

    /** A label or heading that names travellers, not a booker or a guest. */
    private static final Pattern PASSENGER_WORD = Pattern.compile("(?iu)^\\s*(?:passengers?|pax|travell?ers?|"
            + "passagiere?|reisender?|fahrg(?:a|ä)st(?:e)?|passag(?:er|ère)s?|voyageurs?|voyageuses?|pasajeros?|"
            + "viajeros?|passeggeri|passeggero)\\b(?: ?(?:name|names|nom|noms|nombre|nombres)\\b)?");
    /** "Passenger 1: John Smith", "Voyageur 2 - Anna Smith", "Pasajero 1\tAna Ruiz". */
    private static final Pattern NUMBERED = Pattern.compile("(?iu)^\\s*(?:passenger|pax|travell?er|passagier|"
            + "reisende[r]?|fahrgast|passager|voyageur|voyageuse|pasajero|viajero|passeggero)\\s*(?:n[°º.]?\\s*)?"
            + "\\d{1,2}\\s*(?:[:\\t-]|\\s–)?\\s*(.*)$");
    private static final Pattern SEAT_LABEL = Pattern.compile("(?iu)^\\s*(?:seats?|seat number|sitzplatz|sitzplätze|"
            + "platz|siège|place|asiento|plaza|posto)\\s*(?::|\\t)\\s*(\\d{1,3}[A-K])\\s*$");
    private static final Pattern TICKET_LABEL = Pattern.compile("(?iu)^\\s*(?:e-?ticket(?: number| no\\.?)?|"
            + "ticket(?: number| no\\.?)|ticketnummer|numéro de billet|n° de billet|número de billete|billete)\\s*"
            + "(?::|\\t)\\s*(\\d{3}[- ]?\\d{10}(?:[-/]\\d{1,2})?)\\s*$");
    /** A title before a name, or "(Adult)"/", Child" after it: kept out of the name's words. */
    private static final Pattern LEADING_TITLE = Pattern.compile(
            "(?iu)^(?:mr|mrs|ms|miss|mstr|dr|herr|frau|m|mme|mlle|sr|sra|srta|don|doña)\\.?\\s+");
    private static final Pattern TRAILING_AGE = Pattern.compile("(?iu)\\s*(?:\\((?:[^()\\d]{2,20})\\)|,\\s*(?:adult|"
            + "child|infant|erwachsener?|kind|adulte|enfant|adulto|niño|nino|bebé))\\s*$");
    private static final Pattern NAME_WORD = Pattern.compile(
            "\\p{Lu}[\\p{L}'’.-]*|(?:van|von|de|da|del|der|den|di|du|la|le|y|bin|al|zu|dos|das)");
    private static final Pattern GDS_NAME = Pattern.compile("\\p{Lu}[\\p{Lu}'’ -]*/\\p{Lu}[\\p{Lu}'’ -]*");
    /** Words of fares, tiers, bookings and places: a value holding one is no person's name. */
    private static final Set<String> NOT_NAME_WORDS = Set.of("adult", "adults", "child", "children", "infant",
            "economy", "business", "first", "premium", "class", "classe", "klasse", "clase", "gold", "silver",
            "platinum", "bronze", "member", "miles", "status", "ticket", "tickets", "seat", "seats", "fare", "tarif",
            "tarifa", "total", "price", "travel", "travels", "agency", "airlines", "airline", "airways", "hotel",
            "street", "road", "avenue", "rue", "straße", "strasse", "calle", "information", "details", "detail",
            "itinerary", "receipt", "booking", "reservation", "confirmation", "name", "names", "passenger",
            "passengers", "traveller", "travellers", "traveler", "travelers", "contact", "email", "phone", "mobile",
            "frequent", "flyer", "card", "gmbh", "ltd", "inc", "sa", "bahn", "rail", "express", "tours", "service",
            "services", "customer", "team", "department", "voyageur", "voyageurs", "pasajero", "pasajeros",
            "reisende", "passagier", "passagiere", "erwachsene", "erwachsener", "enfant", "adulte", "adultes",
            "adulto", "adultos", "niño", "niños");
    private static final Pattern PLACE_WORD = Pattern.compile("(?iu)\\b(?:airport|aeropuerto|aéroport|aeroporto|"
            + "flughafen|terminal|gate|station|gare|bahnhof|hbf|estación|intl|international)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The reservation types booked per passenger (a room, a table or a rental is booked once for all). */
    static final Set<String> TRANSPORT = Set.of("FlightReservation", "TrainReservation", "BusReservation");

    private Passengers() {
    }

    /** The booking's passengers when the lines name at least two different ones, else an empty list. */
    static List<Passenger> named(List<String> lines) {
        List<Passenger> found = distinct(GdsNames.all(lines).stream()
                .map(name -> new Passenger(name, Optional.empty(), Optional.empty())).toList());
        if (found.size() < 2) {
            found = distinct(labelled(lines));
        }
        if (found.size() < 2) {
            found = distinct(listed(lines));
        }
        return found.size() < 2 ? List.of() : found;
    }

    /**
     * Each transport leg (flight, train, bus) once per passenger, in the mail's order, under that passenger's name;
     * a seat only when the booking has one such leg (a seat is a leg's). Stays, rentals, events and tables stay one
     * reservation per booking: a room or a table is not per guest. Fewer than two passengers: the legs as they are.
     */
    static List<Map<String, Object>> eachOnOwnReservation(List<Map<String, Object>> found,
            List<Passenger> passengers) {
        if (passengers.size() < 2) {
            return found;
        }
        long legs = found.stream().filter(Passengers::perPassenger).count();
        List<Map<String, Object>> split = new ArrayList<>();
        for (Map<String, Object> reservation : found) {
            if (!perPassenger(reservation)) {
                split.add(reservation);
                continue;
            }
            for (Passenger passenger : passengers) {
                Map<String, Object> own = new LinkedHashMap<>(reservation);
                own.put("underName", Map.of("@type", "Person", "name", passenger.name()));
                Map<String, Object> ticket = new LinkedHashMap<>();
                ticket.put("@type", "Ticket");
                passenger.ticketNumber().ifPresent(number -> ticket.put("ticketNumber", number));
                passenger.seat().filter(seat -> legs == 1).ifPresent(seat -> ticket.put("ticketedSeat",
                        Map.of("@type", "Seat", "seatNumber", seat)));
                if (ticket.size() > 1) {
                    own.put("reservedTicket", ticket);
                }
                split.add(own);
            }
        }
        return split;
    }

    private static boolean perPassenger(Map<String, Object> reservation) {
        return TRANSPORT.contains(reservation.get("@type"));
    }

    /**
     * The name as a key part: case, accents, spacing, punctuation and title words left out, and the words sorted, so
     * that "SMITH/JOHN MR", "Mr. John Smith" and "john  smith" are the same person.
     */
    static String normalized(String name) {
        return PersonNames.normalized(name);
    }

    /**
     * Whether two normalized names are one person: the same, or all words of the shorter one among the longer one's
     * (a middle name or initial left out: "john smith" and "a john smith"), or the longer one's given names glued in
     * one word as a GDS field writes them ("johnalexander smith" and "alexander john smith"). Both need two words.
     */
    static boolean samePerson(String one, String other) {
        if (one.equals(other)) {
            return true;
        }
        List<String> a = List.of(SPACES.split(one));
        List<String> b = List.of(SPACES.split(other));
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = shorter == a ? b : a;
        if (shorter.size() < 2) {
            return false;
        }
        if (longer.containsAll(shorter)) {
            return true;
        }
        // a glued word of the shorter one is two or three words of the longer one, in some order
        List<String> rest = new ArrayList<>(longer);
        for (String word : shorter) {
            if (!rest.remove(word) && !removeGlued(rest, word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean removeGlued(List<String> words, String glued) {
        for (String first : words) {
            if (glued.startsWith(first) && glued.length() > first.length()) {
                String tail = glued.substring(first.length());
                List<String> others = new ArrayList<>(words);
                others.remove(first);
                if (others.remove(tail)) {
                    words.remove(first);
                    words.remove(tail);
                    return true;
                }
            }
        }
        return false;
    }

    /** Passenger labels' values and numbered passengers, each with the seat and ticket of its table row. */
    private static List<Passenger> labelled(List<String> lines) {
        List<Integer> at = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher numbered = NUMBERED.matcher(line);
            // "Passenger 2: Anna Smith", or a block's heading "Passenger 2" with the name on the next line
            Optional<String> value = numbered.matches() ? !numbered.group(1).isBlank()
                    ? Optional.of(numbered.group(1).strip())
                    : i + 1 < lines.size() ? Optional.of(lines.get(i + 1).strip()) : Optional.empty()
                    : PASSENGER_WORD.matcher(line).find() ? Labels.PASSENGER.value(lines, i) : Optional.empty();
            Optional<String> name = value.flatMap(Passengers::personName);
            if (name.isPresent()) {
                at.add(i);
                names.add(name.get());
            }
        }
        int width = rowWidth(at);
        List<Passenger> passengers = new ArrayList<>();
        for (int n = 0; n < names.size(); n++) {
            List<String> row = width > 0 ? lines.subList(at.get(n) + 1, Math.min(lines.size(), at.get(n) + width))
                    : List.of();
            passengers.add(new Passenger(names.get(n), only(row, SEAT_LABEL), only(row, TICKET_LABEL)));
        }
        return passengers;
    }

    /** The lines each passenger's table row takes when all rows are equally wide (2 to 6 lines), else 0. */
    private static int rowWidth(List<Integer> at) {
        if (at.size() < 2) {
            return 0;
        }
        int width = at.get(1) - at.get(0);
        for (int n = 2; n < at.size(); n++) {
            if (at.get(n) - at.get(n - 1) != width) {
                return 0;
            }
        }
        return width >= 2 && width <= 6 ? width : 0;
    }

    /** The value of the one line of the row the pattern matches; none when no line or several do. */
    private static Optional<String> only(List<String> row, Pattern label) {
        Optional<String> value = Optional.empty();
        for (String line : row) {
            Matcher m = label.matcher(line);
            if (m.matches()) {
                if (value.isPresent()) {
                    return Optional.empty();
                }
                value = Optional.of(m.group(1));
            }
        }
        return value;
    }

    /** Names one a line under a passenger heading ("Passengers" alone on its line), up to the first other line. */
    private static List<Passenger> listed(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = PASSENGER_WORD.matcher(lines.get(i));
            if (!heading.find() || !lines.get(i).substring(heading.end()).replace(":", "").isBlank()) {
                continue;
            }
            List<Passenger> names = new ArrayList<>();
            for (int j = i + 1; j < lines.size(); j++) {
                Optional<String> name = personName(lines.get(j)).filter(value -> !place(value));
                if (name.isEmpty()) {
                    break;
                }
                names.add(new Passenger(name.get(), Optional.empty(), Optional.empty()));
            }
            if (names.size() >= 2) {
                return names;
            }
        }
        return List.of();
    }

    /** Whether a listed value names a place (a city, an airport, a terminal), not a passenger. */
    private static boolean place(String value) {
        return PLACE_WORD.matcher(value).find() || Airports.ofPlaceName(value).isPresent();
    }

    /** The value as a person's name ("Mr John Smith", "SMITH/JOHN MR", "Ana Ruiz García (Adult)"), if it is one. */
    static Optional<String> personName(String value) {
        String name = TRAILING_AGE.matcher(value.strip()).replaceFirst("").strip();
        if (name.length() < 4 || name.length() > 60 || name.indexOf('\t') >= 0) {
            return Optional.empty();
        }
        if (GDS_NAME.matcher(name).matches()) {
            return words(name.replace('/', ' ')) >= 2 ? Optional.of(name) : Optional.empty();
        }
        String withoutTitle = LEADING_TITLE.matcher(name).replaceFirst("");
        boolean titled = withoutTitle.length() < name.length();
        int words = words(withoutTitle);
        return words >= 2 || titled && words == 1 ? Optional.of(name) : Optional.empty();
    }

    /** How many words the text has when each is a name's word, else 0. */
    private static int words(String text) {
        String[] words = SPACES.split(text.strip());
        if (words.length > 5) {
            return 0;
        }
        int capitalized = 0;
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches()
                    || NOT_NAME_WORDS.contains(word.toLowerCase(Locale.ROOT).replace(".", ""))) {
                return 0;
            }
            if (Character.isUpperCase(word.charAt(0))) {
                capitalized++;
            }
        }
        return capitalized;
    }

    /**
     * The passengers with each person once, first spelling kept; a name printed twice (under each leg) keeps no seat
     * or ticket, which may be another leg's.
     */
    private static List<Passenger> distinct(List<Passenger> passengers) {
        Map<String, Passenger> byName = new LinkedHashMap<>();
        for (Passenger passenger : passengers) {
            String person = normalized(passenger.name());
            String same = byName.keySet().stream().filter(known -> samePerson(known, person)).findFirst()
                    .orElse(person);
            byName.merge(same, passenger,
                    (first, again) -> new Passenger(first.name(), Optional.empty(), Optional.empty()));
        }
        return List.copyOf(byName.values());
    }
}
