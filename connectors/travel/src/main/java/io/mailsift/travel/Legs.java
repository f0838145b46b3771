package io.mailsift.travel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.Airports.Airport;

/**
 * Finds the pieces of a journey in free text: flight numbers whose airline is known, airport codes that are real
 * airports and stand where codes stand (in brackets, around an arrow, alone in a cell), train numbers of the
 * product names rail operators print; and writes local times with their zone's offset.
 */
final class Legs {

    record Token(String value, int start, int end) {
    }

    private static final Pattern FLIGHT_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d-])([A-Z][A-Z0-9]|[0-9][A-Z])[ \\t\\u00a0]?(\\d{1,4})(?![\\d])(?![A-Za-z]{1,3}\\b)(?![A-Za-z]+\\d)"
                    // a terminal or a meridiem before a time is no flight: "T5 12:00", "11:02 AM 06:10"; nor is "EU 261/2004"
                    + "(?![:.h/]\\d)");
    private static final Pattern AIRPORT_IN_BRACKETS = Pattern.compile("\\(([A-Z]{3})(?:\\s*[-–,/:]\\s*[^()\\n]{1,40})?\\)");
    private static final Pattern AIRPORT_PAIR = Pattern.compile(
            "(?<![\\p{L}])([A-Z]{3})\\s*(?:→|->|➔|›|»|>|-|–|—|/|\\bto\\b|\\bnach\\b|\\bà\\b|\\ba\\b)\\s*([A-Z]{3})(?![\\p{L}])");
    private static final Pattern AIRPORT_IN_CELL = Pattern.compile(
            "(?m)(?:^|\\t)([A-Z]{3})(?=$|\\t|\\s+[\\p{L}\\d])|(?<=\\p{L}\\s)([A-Z]{3})(?=$|\\t)");
    private static final Pattern CODE_WORD = Pattern.compile("(?<![\\p{L}\\d])([A-Z]{3})(?![\\p{L}\\d])");
    private static final Set<String> NOT_AIRPORTS = Set.of("THE", "AND", "FOR", "YOU", "ARE", "NOT", "ALL", "NEW",
            "ONE", "WAY", "EUR", "USD", "GBP", "CHF", "TAX", "VAT", "PNR", "REF", "DEP", "ARR", "MON", "TUE", "WED",
            "THU", "FRI", "SAT", "SUN", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
            "DEC", "ICE", "TGV", "AVE", "HBF", "BUS", "CAR", "VIA", "NON", "DAY", "ANY", "OUR", "GET", "BAG", "SEE",
            "PDF", "FAQ", "APP", "WEB", "WWW", "COM", "NET", "ORG", "CET", "UTC", "GMT", "CST", "EST", "PST", "CEST",
            "SEA", "BOX", "LAX", "TOP", "OFF", "MRS", "MR", "DIR", "ADT", "CHD", "INF", "ECO", "BIZ", "BUD", "YES",
            "PAX", "KLM", "SAS", "TAP", "IBE", "OUT", "END", "AIR", "FLY", "SKY", "TEL", "FAX", "NUM", "DOB", "STD",
            "STA", "ETD", "ETA", "NIE", "DNI", "GAT", "VOL",
            // an e-ticket receipt's "not valid before / after" columns
            "NVB", "NVA", "IHR", "SRA", "MME",
            // travel agencies' names heading their itineraries ("FCM Travel Solutions", "CWT", "BCD Travel")
            "FCM", "CWT", "BCD", "GBT", "TUI",
            // a leg's heading in capitals: Spanish and Portuguese "IDA" (outbound), Portuguese "VOO" (flight)
            "IDA", "VOO");
    private static final Pattern TRAIN_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d])(ICE|IC|EC|ECE|EN|NJ|RJX|RJ|TGV INOUI|TGV Lyria|TGV|INOUI|OUIGO|Lyria|Eurostar|Thalys"
                    + "|TER|Intercités|IRE|IR|RE|AVE|Alvia|ALVIA|AVLO|Avlo|Iryo|IRYO|iryo|Euromed|Frecciarossa|Frecciargento"
                    + "|Frecciabianca|Italo|FLX|Ouigo|Eurocity Direct|EuroCity Direct|Intercity Direct|InterCity|Intercity|EuroCity|Eurocity|Railjet Xpress|Railjet|Nightjet|ICN|Acela"
                    + "|Train number ?:?|Train [Nn]o\\.? ?:?|Zug-Nr\\.? ?:?|Numéro de train ?:?|Número de tren ?:?"
                    // "Tren: 05192": a generic word's number may follow its colon
                    // "TRAIN N°6857": tickets print the generic word in capitals
                    + "|Zug|Train|Tren|Train n°|TRAIN N°|Zugnummer)(?:(?<=Zug|Train|Tren):)?[ \\t]?(?:n[°º] ?|Nr\\.? ?|No\\. ?|#)?(\\d{1,5}|(?<=TER[ \\t]?)\\d{6})"
                    // "Avignon TGV 12/03": a station named for its TGV line, then a day
                    + "(?![\\d.]|[:/]\\d|h\\d)");
    /**
     * A coach or bus line as operators print it ("Linie N834", "Line 042", "Ligne 1603", "Línea 15", "Service 420",
     * "Bus N123"), not a coach (car) number of a train, a seat, a phone number or a time.
     */
    private static final Pattern BUS_LINE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:(?iu:linie|line|ligne|línea|linea|bus|route|ruta)|Service)"
                    + "(?:\\s(?iu:number|nummer|numéro|número))?:?\\s(?iu:n[°º]\\s?|nr\\.?\\s?|no\\.?\\s?|#)?"
                    + "([A-Z]{1,3}\\d{1,4}[A-Z]?|\\d{2,4}[A-Z]?)(?![\\p{L}\\d]|[:.,]\\d|[ \\t]?\\d|h\\d)"
                    // (a line's end is no gap within a number: "Line N1234", then "10:15" on the next line)
                    // "at the bus 15 minutes before": a duration, not a line
                    + "(?!\\s*(?iu:min|minutes?|minuten|mins|hrs?|hours?|stunden|heures?|horas?)\\b)");

    private Legs() {
    }

    /** Flight numbers ("LH 400", "U24521") of airlines in the table, in order; not a booking code's start ("SR7Q2L"). */
    static List<Token> flightNumbers(String text) {
        List<Token> found = new ArrayList<>();
        Matcher m = FLIGHT_NUMBER.matcher(text);
        while (m.find()) {
            // "N123" (a bus line) is not "N1 23": a designator with a digit glued to a short number is not read
            boolean glued = m.end(1) == m.start(2) && m.group(1).chars().anyMatch(Character::isDigit)
                    && m.group(2).length() < 3;
            // "FRAJFK HK1": a GDS segment's status and seat count (HK, KK, TK, SS, HL…), not airline HK's flight 1
            boolean status = m.end(1) == m.start(2) && m.group(2).length() == 1 && SEGMENT_STATUS.contains(m.group(1));
            // "MUNICH DE  12 MAR 07:15": a country's code before a day and month, not Condor's flight 12
            boolean day = m.group(2).length() <= 2 && MONTH_AFTER.matcher(text).region(m.end(), text.length()).lookingAt();
            // "DEPART   ZURICH, CH        0945": a place's country, then the time in the next column
            boolean country = m.group(2).length() == 4 && m.end(1) < m.start(2) && text.charAt(m.end(1)) == '\t'
                    && m.start() >= 3 && text.startsWith(", ", m.start() - 2)
                    && Character.isLetter(text.charAt(m.start() - 3)) && HHMM.matcher(m.group(2)).matches();
            if (!glued && !status && !day && !country && Airports.airline(m.group(1)).isPresent() && !isTrainProduct(m.group(1))
                    && !OPERATED_BY.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()
                    && !LINE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                found.add(new Token(m.group(1) + " " + Integer.parseInt(m.group(2)), m.start(), m.end()));
            }
        }
        // "LH 400Y 04MAR": a GDS segment glues the booking class to the number, the day and month follow
        Matcher segment = SEGMENT_NUMBER.matcher(text);
        while (segment.find()) {
            int start = segment.start();
            if (Airports.airline(segment.group(1)).isPresent() && !isTrainProduct(segment.group(1))
                    && found.stream().noneMatch(t -> t.start() == start)) {
                found.add(new Token(segment.group(1) + " " + Integer.parseInt(segment.group(2)), start, segment.end(2)));
            }
        }
        // "EZY8541": easyJet prints its flights under its ICAO designator; the leg is U2's flight 8541
        Matcher icao = ICAO_FLIGHT_NUMBER.matcher(text);
        while (icao.find()) {
            found.add(new Token(ICAO_TO_IATA.get(icao.group(1)) + " " + Integer.parseInt(icao.group(2)), icao.start(),
                    icao.end()));
        }
        // "Delta 1742": a number after an airline's name, where no code-written number stands
        for (Token named : AirlineNames.flightNumbers(text)) {
            boolean overlaps = found.stream().anyMatch(t -> t.start() < named.end() && named.start() < t.end());
            if (!overlaps && !OPERATED_BY.matcher(text.substring(Math.max(0, named.start() - 40), named.start())).find()) {
                found.add(named);
            }
        }
        found.sort(java.util.Comparator.comparingInt(Token::start));
        return found;
    }

    private static final Pattern HHMM = Pattern.compile("(?:[01]\\d|2[0-3])[0-5]\\d");

    private static final Pattern MONTH_AFTER = Pattern.compile(
            // a month's name or abbreviation, whole: not any word that starts like one ("BA 15 marked as confirmed")
            "(?iu)[ \\t]+(?:septiembre|diciembre|noviembre|september|septembre|december|decembre|dezember|décembre|february"
                    + "|november|novembre|febrero|februar|fevrier|février|january|janvier|juillet|october|octobre"
                    + "|octubre|oktober|agosto|august|januar|abril|april|avril|enero|julio|junio|maerz|march|marzo"
                    + "|aout|août|fevr|févr|janv|juil|juin|juli|july|june|juni|mars|mayo|märz|sept|abr|ago|apr|aug|avr"
                    + "|dec|dez|dic|déc|ene|feb|jan|jul|jun|mai|mar|may|mär|nov|oct|okt|sep"
                    + ")\\.?(?![\\p{L}\\d])");
    private static final Pattern SEGMENT_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d-])([A-Z][A-Z0-9]|[0-9][A-Z]) ?(\\d{1,4})[A-Z](?=[ \\t]+\\d{1,2}"
                    + "(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?![a-z]))");

    /** Airlines whose own mails print flight numbers with the ICAO designator: easyJet UK and Switzerland. */
    private static final Map<String, String> ICAO_TO_IATA = Map.of("EZY", "U2", "EZS", "DS");
    private static final Pattern ICAO_FLIGHT_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d-])(EZY|EZS) ?(\\d{1,4})(?![\\d\\p{L}])(?![:.h/]\\d)");

    private static final Set<String> SEGMENT_STATUS = Set.of("HK", "KK", "TK", "SS", "HL", "UN", "UC", "RR", "GK",
            "HX");

    /** A codeshare's operating flight ("operated by KLM KL 1234") is the same leg under another number. */
    private static final Pattern OPERATED_BY = Pattern.compile(
            "(?iu)(operated by|opéré par|operé par|assuré par|durchgeführt von|operado por|betrieben von|"
                    + "operating carrier|operating airline|ausführende fluggesellschaft|compagnie opérante|"
                    + "transportista operador|aerolínea operadora)[^\\n]{0,30}$");

    /** "Bus N1720", "Linie N834", "Zug: WB 919": a coach line or a train, not airline N1's flight 720 or WB's 919. */
    private static final Pattern LINE_BEFORE = Pattern.compile(
            "(?iu)\\b(bus|fernbus|flixbus|autobus|autobús|linie|line|ligne|línea|linea|coach|service|zug|train|tren|treno|terminal)"
                    + "\\s*[:#]?\\s*$");

    private static final Set<String> TRAIN_PRODUCTS = Set.of("IC", "EC", "RE", "EN", "NJ", "RJ", "IR", "ES", "RB",
            "TE");
    private static final Set<String> GENERIC_TRAIN_WORDS = Set.of("zug", "train", "tren", "train n°", "zugnummer");

    private static boolean isTrainProduct(String designator) {
        return TRAIN_PRODUCTS.contains(designator);
    }

    /** Airport codes that stand where codes stand and name real airports, in order. */
    static List<Token> airports(String text) {
        List<Token> found = new ArrayList<>();
        Matcher m = AIRPORT_PAIR.matcher(text);
        while (m.find()) {
            addAirport(found, m.group(1), m.start(1), m.end(1));
            addAirport(found, m.group(2), m.start(2), m.end(2));
        }
        m = AIRPORT_IN_BRACKETS.matcher(text);
        while (m.find()) {
            // a code that is also a word ("LAX", "SEA", "BUD") is the airport in brackets after its own city's name
            String code = m.group(1);
            String before = text.substring(Math.max(lineStartOf(text, m.start()), m.start() - 40), m.start());
            int start = m.start(1);
            if (NOT_AIRPORTS.contains(code) && Airports.airport(code).filter(a -> Airports.namedIn(a, before)).isPresent()
                    && found.stream().noneMatch(t -> t.start() == start)) {
                found.add(new Token(code, start, m.end(1)));
            }
            addAirport(found, code, m.start(1), m.end(1));
        }
        m = AIRPORT_IN_CELL.matcher(text);
        while (m.find()) {
            int group = m.group(1) != null ? 1 : 2;
            // "LOS ANGELES", "SAN JOSE": the first word of a city's name, not a code before its city
            int lineEnd = text.indexOf('\n', m.end(group));
            String rest = text.substring(m.start(group), Math.min(lineEnd < 0 ? text.length() : lineEnd, m.end(group) + 40));
            if (Airports.zoneOfCity(rest.split("\t")[0]).isPresent()) {
                continue;
            }
            addAirport(found, m.group(group), m.start(group), m.end(group));
        }
        // "Zurich ZRH – Berlin TXL", "LONDON LHR", "MUC München": a code next to its own city's or airport's name
        m = CODE_WORD.matcher(text);
        while (m.find()) {
            String code = m.group(1);
            String around = text.substring(Math.max(0, m.start() - 28), Math.min(text.length(), m.end() + 28));
            if (!NOT_AIRPORTS.contains(code) && Airports.airport(code).filter(a -> Airports.namedIn(a, around)).isPresent()) {
                addAirport(found, code, m.start(1), m.end(1));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Token::start));
        return found;
    }

    private static int lineStartOf(String text, int position) {
        return text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
    }

    private static void addAirport(List<Token> found, String code, int start, int end) {
        if (NOT_AIRPORTS.contains(code) || Airports.airport(code).isEmpty()) {
            return;
        }
        for (Token each : found) {
            if (each.start() == start) {
                return;
            }
        }
        found.add(new Token(code, start, end));
    }

    /** A British postcode ("SE10 9GB"), whose first half reads like a flight number ("SE 10"). */
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![\\p{L}\\d])[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}(?![\\p{L}\\d])");

    /** The text with British postcodes blanked out: a venue's address is no flight. */
    static String withoutPostcodes(String text) {
        return POSTCODE.matcher(text).replaceAll(" ");
    }

    /**
     * Whether the flight-like token is the start of a British postcode closing an address line ("The Jazz Cellar,
     * 14 Wharf Road, Bristol BS1 4QD"): a venue's, not a flight's.
     */
    static boolean endsAnAddress(String text, Token token) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, token.start() - 1)) + 1;
        int lineEnd = text.indexOf('\n', token.start());
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).stripTrailing();
        if (line.indexOf(", ") < 0) {
            return false;
        }
        Matcher postcode = POSTCODE.matcher(line);
        int at = token.start() - lineStart;
        while (postcode.find()) {
            if (postcode.start() <= at && at < postcode.end() && postcode.end() == line.length()) {
                return true;
            }
        }
        return false;
    }

    /** A train's number as the value of a train label or column, whatever its operator's letters: "Zug: WB 919". */
    private static final Pattern LABELLED_TRAIN = Pattern.compile(
            "(?<![\\p{L}])(?:Zug|Train|Tren|Treno)(?:\\s*:\\s*|\\t)([A-Z]{1,4} ?\\d{2,5})(?![\\d:.]|[\\p{L}])");

    /** Train numbers ("ICE 597", "TGV INOUI 6173", "AVE 3071", "Zug: WB 919"), in order. */
    static List<Token> trainNumbers(String text) {
        List<Token> found = new ArrayList<>(productNumbers(text));
        Matcher labelled = LABELLED_TRAIN.matcher(text);
        while (labelled.find()) {
            int start = labelled.start(1);
            int end = labelled.end(1);
            if (found.stream().noneMatch(t -> t.start() < end && start < t.end())) {
                found.add(new Token(labelled.group(1), start, end));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Token::start));
        return found;
    }

    private static List<Token> productNumbers(String text) {
        List<Token> found = new ArrayList<>();
        Matcher m = TRAIN_NUMBER.matcher(text);
        while (m.find()) {
            String product = m.group(1);
            String word = product.toLowerCase(Locale.ROOT);
            boolean generic = GENERIC_TRAIN_WORDS.contains(word)
                    || word.startsWith("train n") || word.startsWith("zug-nr") || word.startsWith("numéro")
                    || word.startsWith("número");
            if (m.group(2).length() == 1 && (generic || product.length() > 3
                    || m.end() < text.length() && Character.isLetter(text.charAt(m.end())))) {
                continue; // "IC 8", "RE 1" are trains; "Train 1", "Eurostar 2" or "TGV 2nde" is a count or a class
            }
            if (m.group(2).length() <= 2 && Integer.parseInt(m.group(2)) <= 31
                    && MONTH_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
                continue; // "Aix-en-Provence TGV 15 mars": the station's name, then a day
            }
            if (product.length() == 2 && m.group(2).length() == 5 && m.start() >= 2
                    && text.startsWith(", ", m.start() - 2)) {
                continue; // "Newark, NJ 07102": a US state and its ZIP code, not a Nightjet
            }
            found.add(new Token(generic ? m.group(2) : product + " " + m.group(2), m.start(), m.end()));
        }
        return found;
    }

    /** Coach and bus line numbers ("N834", "420"), in order. */
    static List<Token> busNumbers(String text) {
        List<Token> found = new ArrayList<>();
        Matcher m = BUS_LINE.matcher(text);
        while (m.find()) {
            found.add(new Token(m.group(1), m.start(), m.end()));
        }
        return found;
    }

    /** A schema.org Flight of a flight number ("LH 400") between two airports of the table. */
    static Map<String, Object> flight(String flightNumber, String departure, String arrival) {
        return flight(flightNumber, Optional.of(departure), Optional.of(arrival));
    }

    /** A flight whose airports may be unknown (a city of several airports): those are left out, not guessed. */
    static Map<String, Object> flight(String flightNumber, Optional<String> departure, Optional<String> arrival) {
        String[] designatorAndNumber = flightNumber.split(" ");
        Map<String, Object> flight = new LinkedHashMap<>();
        flight.put("@type", "Flight");
        flight.put("flightNumber", designatorAndNumber[1]);
        Map<String, Object> airline = new LinkedHashMap<>();
        airline.put("@type", "Airline");
        airline.put("iataCode", designatorAndNumber[0]);
        Airports.airline(designatorAndNumber[0]).ifPresent(name -> airline.put("name", name));
        flight.put("airline", airline);
        departure.ifPresent(code -> flight.put("departureAirport", Airports.airport(code).orElseThrow().toJsonLd()));
        arrival.ifPresent(code -> flight.put("arrivalAirport", Airports.airport(code).orElseThrow().toJsonLd()));
        return flight;
    }

    /** A local date-time written with the offset of its zone, or without offset when the zone is unknown. */
    static String localTime(LocalDate date, LocalTime time, Optional<ZoneId> zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        return zone.map(z -> local.atZone(z).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .orElseGet(() -> local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    static Optional<ZoneId> zoneOf(String airportCode) {
        return Airports.airport(airportCode).map(Airport::zone);
    }
}
