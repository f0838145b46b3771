package io.mailsift.travel;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.Legs.Token;

/**
 * Rail legs that airlines sell under their own flight numbers: Lufthansa Express Rail, Austrian AIRail, Air France
 * TGV AIR, SWISS Air Rail, Rail&amp;Fly. "AF 7731 TGV AIR - opéré par SNCF Voyageurs" runs between stations, not
 * airports: read as a flight, its departure would be the city's airport (Lyon Part-Dieu is not LYS).
 */
final class AirRailLegs {

    /** The product's name, or a railway as the operating carrier. */
    static final Pattern RAIL_PRODUCT = Pattern.compile(
            "(?iu)(\\bairail\\b|\\bair ?rail\\b|\\bexpress rail\\b|\\brail ?(?:&|and|\\+) ?fly\\b|\\btgv ?air\\b|"
                    + "\\btrain ?\\+ ?air\\b|\\b(?:operated by|opéré par|assuré par|durchgeführt von|operado por|"
                    + "betrieben von)\\s+(?:the\\s+)?(?:sncf|deutsche bahn|db\\b|öbb|oebb|sbb|renfe|trenitalia|"
                    + "ns\\b|eurostar|thalys))");

    /** A railway station with an IATA code of its own, as airlines print it on the rail legs they sell. */
    record Station(String code, String name, ZoneId zone) {
    }

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    /**
     * The stations of the air+rail products (Lufthansa Express Rail, AIRail, TGV AIR, SWISS Air Rail, Eurostar and
     * Thalys codeshares): none is in the airport table, so a leg to one would otherwise be read from its city's
     * airport.
     */
    private static final Map<String, Station> STATIONS = Map.ofEntries(
            station("QKL", "Köln Hbf", BERLIN), station("QDU", "Düsseldorf Hbf", BERLIN),
            station("ZWS", "Stuttgart Hbf", BERLIN), station("ZMB", "Hamburg Hbf", BERLIN),
            station("ZAQ", "Nürnberg Hbf", BERLIN), station("QPP", "Berlin Hbf", BERLIN),
            station("XHJ", "Aachen Hbf", BERLIN), station("ZSB", "Salzburg Hbf", ZoneId.of("Europe/Vienna")),
            station("XYD", "Lyon Part-Dieu", PARIS), station("QXB", "Aix-en-Provence TGV", PARIS),
            station("XPG", "Paris Gare du Nord", PARIS), station("ZFQ", "Bordeaux Saint-Jean", PARIS),
            station("XWG", "Strasbourg", PARIS), station("ZLP", "Zürich HB", ZURICH),
            station("ZDH", "Basel SBB", ZURICH), station("ZDJ", "Bern", ZURICH),
            station("ZYA", "Amsterdam Centraal", ZoneId.of("Europe/Amsterdam")),
            station("ZYR", "Bruxelles-Midi", ZoneId.of("Europe/Brussels")),
            station("QQS", "London St Pancras International", ZoneId.of("Europe/London")));

    private static Map.Entry<String, Station> station(String code, String name, ZoneId zone) {
        return Map.entry(code, new Station(code, name, zone));
    }

    private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\d])([A-Z]{3})(?![\\p{L}\\d])");

    private AirRailLegs() {
    }

    static Optional<Station> station(String code) {
        return Optional.ofNullable(STATIONS.get(code));
    }

    /** The station codes of the table printed in the text, in order. */
    static List<Token> stationCodes(String text) {
        List<Token> found = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (STATIONS.containsKey(m.group(1))) {
                found.add(new Token(m.group(1), m.start(1), m.end(1)));
            }
        }
        return found;
    }

    /** Whether the flight-like number's own line says it is a rail leg, by its product or a station's code. */
    static boolean isRailLeg(String text, Token number) {
        int start = text.lastIndexOf('\n', Math.max(0, number.start() - 1)) + 1;
        int end = text.indexOf('\n', number.end());
        String line = text.substring(start, end < 0 ? text.length() : end);
        return RAIL_PRODUCT.matcher(line).find() || !stationCodes(line).isEmpty();
    }
}
