package io.mailsift.travel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Airports and airlines by IATA code, from the OpenFlights-derived tables shipped with the connector (see
 * {@code connectors/travel/data/README.md} for source, licence and how they are generated). Loaded once; immutable.
 */
final class Airports {

    record Airport(String code, String name, String city, String country, double latitude, double longitude,
            ZoneId zone) {

        /** The schema.org Airport this code stands for. */
        Map<String, Object> toJsonLd() {
            Map<String, Object> airport = new LinkedHashMap<>();
            airport.put("@type", "Airport");
            airport.put("iataCode", code);
            airport.put("name", name);
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            address.put("addressLocality", city);
            address.put("addressCountry", country);
            airport.put("address", address);
            Map<String, Object> geo = new LinkedHashMap<>();
            geo.put("@type", "GeoCoordinates");
            geo.put("latitude", latitude);
            geo.put("longitude", longitude);
            airport.put("geo", geo);
            // schema.org has no time-zone property for a place; a PropertyValue keeps the output valid and lets
            // readers (trips, calendars) name the zone instead of guessing it from an offset.
            Map<String, Object> timeZone = new LinkedHashMap<>();
            timeZone.put("@type", "PropertyValue");
            timeZone.put("propertyID", "timeZone");
            timeZone.put("value", zone.getId());
            airport.put("additionalProperty", timeZone);
            return airport;
        }
    }

    private static final Map<String, Airport> AIRPORTS = new HashMap<>();
    private static final Map<String, String> AIRLINES = new HashMap<>();
    /** City (lower case) to the zone of most of its airports: a city's name is enough to know its clock. */
    private static final Map<String, ZoneId> CITY_ZONES = new HashMap<>();
    /** City (lower case) to its airports. */
    private static final Map<String, java.util.List<Airport>> CITY_AIRPORTS = new HashMap<>();

    static {
        read("airports.tsv", cells -> {
            try {
                AIRPORTS.put(cells[0], new Airport(cells[0], cells[1], cells[2], cells[3],
                        Double.parseDouble(cells[4]), Double.parseDouble(cells[5]), ZoneId.of(cells[6])));
            } catch (RuntimeException unknownZone) {
                // a zone this JDK does not know: the airport is left out rather than given a wrong offset
            }
        });
        // airports opened after the OpenFlights snapshot (Berlin Brandenburg, the new Istanbul airport); the
        // closed airports they replaced stay, for old mail (data/README.md)
        read("airports-added.tsv", cells -> AIRPORTS.put(cells[0], new Airport(cells[0], cells[1], cells[2],
                cells[3], Double.parseDouble(cells[4]), Double.parseDouble(cells[5]), ZoneId.of(cells[6]))));
        read("airlines.tsv", cells -> AIRLINES.put(cells[0], cells[1]));
        Map<String, Map<ZoneId, Integer>> votes = new HashMap<>();
        for (Airport airport : AIRPORTS.values()) {
            CITY_AIRPORTS.computeIfAbsent(airport.city().toLowerCase(java.util.Locale.ROOT),
                    city -> new java.util.ArrayList<>()).add(airport);
            // an airport named after its city ("Barcelona International Airport", "Valencia Airport") is that city's
            // own: it breaks a tie with a namesake abroad (Barcelona and Valencia in Venezuela)
            boolean namesake = airport.name().regionMatches(true, 0, airport.city(), 0, airport.city().length());
            votes.computeIfAbsent(airport.city().toLowerCase(java.util.Locale.ROOT), city -> new HashMap<>())
                    .merge(airport.zone(), namesake ? 3 : 2, Integer::sum);
        }
        votes.forEach((city, zones) -> {
            if (city.length() >= 4) {
                zones.entrySet().stream().max(Map.Entry.comparingByValue())
                        .ifPresent(best -> CITY_ZONES.put(city, best.getKey()));
            }
        });
    }

    /** Local names of cities the table knows by their English name. */
    private static final Map<String, String> CITY_NAMES = Map.ofEntries(
            Map.entry("münchen", "munich"), Map.entry("köln", "cologne"), Map.entry("wien", "vienna"),
            Map.entry("praha", "prague"), Map.entry("prag", "prague"), Map.entry("roma", "rome"),
            Map.entry("milano", "milan"), Map.entry("mailand", "milan"), Map.entry("lisboa", "lisbon"),
            Map.entry("lisbonne", "lisbon"), Map.entry("sevilla", "seville"), Map.entry("séville", "seville"),
            Map.entry("zürich", "zurich"), Map.entry("genève", "geneva"), Map.entry("genf", "geneva"),
            Map.entry("bruxelles", "brussels"), Map.entry("brüssel", "brussels"), Map.entry("firenze", "florence"),
            Map.entry("napoli", "naples"), Map.entry("venezia", "venice"), Map.entry("warszawa", "warsaw"),
            Map.entry("københavn", "copenhagen"), Map.entry("athènes", "athens"), Map.entry("atenas", "athens"),
            Map.entry("londres", "london"), Map.entry("nürnberg", "nuremberg"), Map.entry("düsseldorf", "dusseldorf"),
            Map.entry("londra", "london"), Map.entry("marseille", "marseille"), Map.entry("nizza", "nice"),
            Map.entry("den haag", "the hague"), Map.entry("bâle", "basel"), Map.entry("basilea", "basel"),
            Map.entry("moskau", "moscow"), Map.entry("varsovie", "warsaw"), Map.entry("vienne", "vienna"),
            Map.entry("viena", "vienna"), Map.entry("munich", "munich"), Map.entry("barcelone", "barcelona"),
            Map.entry("múnich", "munich"), Map.entry("nueva york", "new york"), Map.entry("parís", "paris"),
            Map.entry("ginebra", "geneva"), Map.entry("bruselas", "brussels"), Map.entry("venise", "venice"),
            Map.entry("venedig", "venice"), Map.entry("venecia", "venice"), Map.entry("kopenhagen", "copenhagen"),
            Map.entry("copenhague", "copenhagen"), Map.entry("lissabon", "lisbon"), Map.entry("milán", "milan"),
            Map.entry("fráncfort", "frankfurt"), Map.entry("francfort", "frankfurt"),
            // GDS capitals write umlauts out; Dutch names (Brussels Airlines, KLM)
            Map.entry("muenchen", "munich"), Map.entry("koeln", "cologne"), Map.entry("zuerich", "zurich"),
            Map.entry("duesseldorf", "dusseldorf"), Map.entry("nuernberg", "nuremberg"),
            Map.entry("bruessel", "brussels"), Map.entry("brussel", "brussels"), Map.entry("londen", "london"),
            Map.entry("parijs", "paris"), Map.entry("milaan", "milan"), Map.entry("wenen", "vienna"),
            Map.entry("keulen", "cologne"), Map.entry("munchen", "munich"), Map.entry("koln", "cologne"),
            Map.entry("geneve", "geneva"), Map.entry("athenes", "athens"),
            // Spanish and French names of cities
            Map.entry("praga", "prague"), Map.entry("estambul", "istanbul"), Map.entry("edimburgo", "edinburgh"),
            Map.entry("rom", "rome"), Map.entry("teneriffa", "tenerife"), Map.entry("hambourg", "hamburg"),
            Map.entry("hamburgo", "hamburg"), Map.entry("colonia", "cologne"), Map.entry("genova", "genoa"),
            Map.entry("gênes", "genoa"), Map.entry("genua", "genoa"), Map.entry("marsella", "marseille"),
            Map.entry("tolosa", "toulouse"), Map.entry("burdeos", "bordeaux"), Map.entry("estocolmo", "stockholm"));

    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");

    /**
     * The airport a place name printed in full stands for ("Frankfurt", "PARIS CHARLES DE GAULLE", "Madrid
     * Barajas"): the only airport of the first city named, or, for a city with several, the one whose own name's
     * first word is in the text too. Empty when that is not decided.
     */
    static Optional<Airport> ofPlaceName(String text) {
        String lower = " " + NOT_LETTERS.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ") + " ";
        String[] words = lower.strip().split(" ");
        for (int i = 0; i < words.length; i++) {
            for (int n = Math.min(3, words.length - i); n >= 1; n--) {
                String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
                if (candidate.length() < 4) {
                    continue;
                }
                String plain = withoutAccents(candidate);
                String written = CITY_NAMES.getOrDefault(candidate, candidate);
                // "Zúrich", "Berlín", "Ámsterdam": a Spanish accent on a name the table spells without
                String city = airportsOfCity(written) == null && !plain.equals(candidate)
                        ? CITY_NAMES.getOrDefault(plain, plain) : written;
                java.util.List<Airport> airports = airportsOfCity(city);
                if (airports == null) {
                    Optional<Airport> main = main(plain);
                    if (main.isPresent()) {
                        return main;
                    }
                    continue;
                }
                if (airports.size() == 1) {
                    return Optional.of(airports.getFirst());
                }
                // the name written ("Roma") is no airport's own word: Roma in Queensland is not named by it
                java.util.List<String> ownWords = java.util.List.of(candidate.split(" "));
                java.util.List<Airport> named = airports.stream()
                        .filter(airport -> distinctive(airport, city).stream().anyMatch(
                                word -> !ownWords.contains(word) && lower.contains(" " + word + " "))).toList();
                if (named.isEmpty() && main(plain).isPresent()) {
                    return main(plain); // the city's main airport before a namesake abroad (Venice FL, Florence SC)
                }
                if (named.isEmpty()) {
                    // none is named in the text: the city's only open airport, or its own, called just by the city
                    List<Airport> open = airports.stream().filter(airport -> !CLOSED.contains(airport.code())).toList();
                    named = open.size() == 1 ? open
                            : airports.stream().filter(airport -> distinctive(airport, city).isEmpty()).toList();
                }
                return named.size() == 1 ? Optional.of(named.getFirst()) : main(plain);
            }
        }
        return Optional.empty();
    }

    /**
     * A city's airports, those the table files under a local name of it too (Malpensa under "Milano", Linate under
     * "Milan"); null for a name that is no city of the table.
     */
    private static java.util.List<Airport> airportsOfCity(String city) {
        java.util.List<Airport> airports = CITY_AIRPORTS.get(city);
        java.util.List<Airport> all = airports == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(airports);
        for (Map.Entry<String, String> local : CITY_NAMES.entrySet()) {
            if (local.getValue().equals(city) && !local.getKey().equals(city) && CITY_AIRPORTS.containsKey(local.getKey())) {
                all.addAll(CITY_AIRPORTS.get(local.getKey()));
            }
        }
        return all.isEmpty() ? null : all;
    }

    /**
     * The airport a city's name alone means where the table also holds small fields, military bases, closed
     * airports or namesakes abroad (Athens GA, Naples FL, Faro in Canada), or spells the city otherwise
     * ("Duesseldorf", "Tel-aviv"). Cities with two airports of real traffic (London, Paris, Rome, Milan, New York,
     * Stockholm, Tenerife, Bangkok) are not here: a name alone does not decide them.
     */
    private static final Map<String, String> MAIN_AIRPORTS = Map.ofEntries(
            Map.entry("madrid", "MAD"), Map.entry("atlanta", "ATL"), Map.entry("athens", "ATH"),
            Map.entry("athen", "ATH"), Map.entry("athenes", "ATH"), Map.entry("atenas", "ATH"),
            Map.entry("naples", "NAP"), Map.entry("napoli", "NAP"), Map.entry("neapel", "NAP"),
            Map.entry("copenhagen", "CPH"), Map.entry("kobenhavn", "CPH"), Map.entry("kopenhagen", "CPH"),
            Map.entry("copenhague", "CPH"), Map.entry("oslo", "OSL"), Map.entry("faro", "FAO"),
            Map.entry("helsinki", "HEL"), Map.entry("lyon", "LYS"), Map.entry("dusseldorf", "DUS"),
            Map.entry("duesseldorf", "DUS"), Map.entry("hanover", "HAJ"), Map.entry("hannover", "HAJ"),
            Map.entry("nuremberg", "NUE"), Map.entry("nurnberg", "NUE"), Map.entry("nuernberg", "NUE"),
            Map.entry("basel", "BSL"), Map.entry("bale", "BSL"), Map.entry("basilea", "BSL"),
            Map.entry("singapore", "SIN"), Map.entry("sydney", "SYD"), Map.entry("seattle", "SEA"),
            Map.entry("tel aviv", "TLV"), Map.entry("luxembourg", "LUX"), Map.entry("luxemburg", "LUX"),
            Map.entry("tallinn", "TLL"), Map.entry("bucharest", "OTP"), Map.entry("bukarest", "OTP"),
            Map.entry("bucarest", "OTP"), Map.entry("seville", "SVQ"), Map.entry("sevilla", "SVQ"),
            Map.entry("malaga", "AGP"), Map.entry("palma de mallorca", "PMI"), Map.entry("palma", "PMI"),
            Map.entry("montreal", "YUL"), Map.entry("ajaccio", "AJA"), Map.entry("warsaw", "WAW"),
            Map.entry("warszawa", "WAW"), Map.entry("varsovie", "WAW"), Map.entry("warschau", "WAW"),
            Map.entry("varsovia", "WAW"), Map.entry("reykjavik", "KEF"),
            Map.entry("florence", "FLR"), Map.entry("firenze", "FLR"), Map.entry("florenz", "FLR"),
            Map.entry("venice", "VCE"), Map.entry("venezia", "VCE"), Map.entry("venedig", "VCE"),
            Map.entry("venise", "VCE"), Map.entry("venecia", "VCE"), Map.entry("doha", "DOH"),
            Map.entry("murcia", "RMU"), Map.entry("las palmas", "LPA"), Map.entry("oporto", "OPO"),
            Map.entry("turin", "TRN"), Map.entry("torino", "TRN"), Map.entry("gothenburg", "GOT"),
            Map.entry("goteborg", "GOT"), Map.entry("melbourne", "MEL"), Map.entry("rhodes", "RHO"),
            Map.entry("rhodos", "RHO"), Map.entry("rodas", "RHO"), Map.entry("corfu", "CFU"),
            Map.entry("korfu", "CFU"), Map.entry("kerkyra", "CFU"), Map.entry("oviedo", "OVD"),
            Map.entry("asturias", "OVD"), Map.entry("mallorca", "PMI"), Map.entry("majorque", "PMI"),
            Map.entry("mallorque", "PMI"), Map.entry("cologne", "CGN"), Map.entry("koln", "CGN"),
            Map.entry("koeln", "CGN"), Map.entry("colonia", "CGN"),
            // an airport printed by its own name alone ("Heathrow", "Orly", "Schiphol")
            Map.entry("heathrow", "LHR"), Map.entry("gatwick", "LGW"), Map.entry("stansted", "STN"),
            Map.entry("luton", "LTN"), Map.entry("orly", "ORY"), Map.entry("roissy", "CDG"),
            Map.entry("charles de gaulle", "CDG"), Map.entry("fiumicino", "FCO"), Map.entry("ciampino", "CIA"),
            Map.entry("malpensa", "MXP"), Map.entry("linate", "LIN"), Map.entry("barajas", "MAD"),
            Map.entry("el prat", "BCN"), Map.entry("schiphol", "AMS"), Map.entry("kastrup", "CPH"),
            Map.entry("arlanda", "ARN"), Map.entry("bromma", "BMA"), Map.entry("gardermoen", "OSL"),
            Map.entry("zaventem", "BRU"), Map.entry("schwechat", "VIE"), Map.entry("kloten", "ZRH"),
            Map.entry("cointrin", "GVA"), Map.entry("tegel", "TXL"), Map.entry("schonefeld", "SXF"),
            Map.entry("laguardia", "LGA"), Map.entry("dulles", "IAD"));

    private static Optional<Airport> main(String plainName) {
        return Optional.ofNullable(MAIN_AIRPORTS.get(plainName)).flatMap(Airports::airport);
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    private static String withoutAccents(String text) {
        return MARKS.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * Airports closed to passenger flights that the table keeps for older mail (data/README.md): a city's name alone
     * no longer means them ("Berlin" is BER, not Tegel).
     */
    private static final java.util.Set<String> CLOSED = java.util.Set.of("TXL", "SXF", "THF", "ISL");

    private static final java.util.Set<String> GENERIC = java.util.Set.of("airport", "international", "intl",
            "regional", "municipal", "airfield", "air", "base", "field", "aeropuerto", "flughafen", "aéroport",
            "aeroporto", "de", "del", "la", "le", "the", "of", "city", "county");

    /** The words of an airport's name that are neither its city's nor generic: "Gatwick", "Barajas". */
    private static java.util.List<String> distinctive(Airport airport, String city) {
        java.util.List<String> cityWords = java.util.List.of(city.split(" "));
        String name = airport.name().toLowerCase(java.util.Locale.ROOT);
        // "O'Hare" is also printed "OHARE" (reservation systems drop the apostrophe): the word run together counts too
        java.util.stream.Stream<String> joined = java.util.Arrays.stream(name.split("\\s+"))
                .filter(word -> word.indexOf('\'') > 0).map(word -> NOT_LETTERS.matcher(word).replaceAll(""));
        return java.util.stream.Stream.concat(java.util.Arrays.stream(NOT_LETTERS.split(name)), joined)
                .filter(word -> word.length() >= 3 && !GENERIC.contains(word) && !cityWords.contains(word)).distinct()
                .toList();
    }

    /**
     * Whether a text names this airport's city (in English or its local name) or a word of the airport's own name
     * ("Gatwick"), as whole words: what makes three capitals next to it the airport's code, not an abbreviation.
     */
    static boolean namedIn(Airport airport, String text) {
        String lower = " " + NOT_LETTERS.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ") + " ";
        String city = airport.city().toLowerCase(java.util.Locale.ROOT);
        if (city.length() >= 3 && lower.contains(" " + city + " ")) {
            return true;
        }
        for (Map.Entry<String, String> local : CITY_NAMES.entrySet()) {
            if (local.getValue().equals(city) && lower.contains(" " + local.getKey() + " ")) {
                return true;
            }
        }
        return distinctive(airport, city).stream().anyMatch(word -> word.length() >= 4 && lower.contains(" " + word + " "));
    }

    /**
     * The zone of the city a place name is ("London", "Tokyo", "Londres", "New York, US"): a city of the table in its
     * first words, at most two words after it (a country, a state). Empty for a name that is something else.
     */
    static Optional<ZoneId> zoneOfCity(String name) {
        String[] words = NOT_LETTERS.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip().split(" ");
        for (int n = Math.min(3, words.length); n >= 1; n--) {
            String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
            ZoneId zone = CITY_ZONES.get(CITY_NAMES.getOrDefault(candidate, candidate));
            if (zone != null && words.length - n <= 2) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    /** Whether the text is nothing but a city's name ("Bordeaux", "München"): a destination, not a venue or a show. */
    static boolean isCity(String text) {
        String lower = NOT_LETTERS.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
        return CITY_ZONES.containsKey(CITY_NAMES.getOrDefault(lower, lower));
    }

    /** The zone of the first city of the table named in the text (two-word names first), if any. */
    static Optional<ZoneId> zoneOfPlace(String text) {
        String[] words = NOT_LETTERS.split(text.toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < words.length; i++) {
            if (i + 1 < words.length) {
                String pair = words[i] + " " + words[i + 1];
                ZoneId zone = CITY_ZONES.get(CITY_NAMES.getOrDefault(pair, pair));
                if (zone != null) {
                    return Optional.of(zone);
                }
            }
            ZoneId zone = CITY_ZONES.get(CITY_NAMES.getOrDefault(words[i], words[i]));
            if (zone != null) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    private Airports() {
    }

    static Optional<Airport> airport(String code) {
        return Optional.ofNullable(AIRPORTS.get(code));
    }

    /** Every airport of the table (for indexes by other keys than the code). */
    static java.util.Collection<Airport> all() {
        return java.util.Collections.unmodifiableCollection(AIRPORTS.values());
    }

    static Optional<String> airline(String code) {
        return Optional.ofNullable(AIRLINES.get(code));
    }

    private static void read(String resource, java.util.function.Consumer<String[]> row) {
        try (InputStream in = Airports.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split("\t", -1);
                if (cells.length >= 2) {
                    row.accept(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
