package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.Legs.Token;

/**
 * Flight numbers written with the airline's name instead of its code, as booking sites and US carriers print them
 * ("Delta 1742", "United flight 940", "Lufthansa 1812"): the name before the number, looked up in a short table of
 * the carriers a European or North American inbox sees. The airline table's own names are not used: many airlines
 * share a word ("United Airways", "Iberia Express"), and a wrong airline is worse than none.
 */
final class AirlineNames {

    /** Names (lower case, as printed in full or short) to IATA codes. */
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("delta", "DL"), Map.entry("delta air lines", "DL"), Map.entry("united", "UA"),
            Map.entry("united airlines", "UA"), Map.entry("american", "AA"), Map.entry("american airlines", "AA"),
            Map.entry("alaska", "AS"), Map.entry("alaska airlines", "AS"), Map.entry("jetblue", "B6"),
            Map.entry("southwest", "WN"), Map.entry("air canada", "AC"), Map.entry("westjet", "WS"),
            Map.entry("lufthansa", "LH"), Map.entry("swiss", "LX"), Map.entry("austrian", "OS"),
            Map.entry("austrian airlines", "OS"), Map.entry("brussels airlines", "SN"), Map.entry("eurowings", "EW"),
            Map.entry("condor", "DE"), Map.entry("klm", "KL"), Map.entry("air france", "AF"),
            Map.entry("british airways", "BA"), Map.entry("iberia", "IB"), Map.entry("vueling", "VY"),
            Map.entry("ryanair", "FR"), Map.entry("easyjet", "U2"), Map.entry("aer lingus", "EI"),
            Map.entry("tap air portugal", "TP"), Map.entry("finnair", "AY"), Map.entry("norwegian", "DY"),
            Map.entry("emirates", "EK"), Map.entry("qatar airways", "QR"), Map.entry("etihad", "EY"),
            Map.entry("turkish airlines", "TK"), Map.entry("aegean", "A3"), Map.entry("wizz air", "W6"),
            Map.entry("transavia", "HV"), Map.entry("volotea", "V7"), Map.entry("air europa", "UX"),
            Map.entry("ita airways", "AZ"), Map.entry("icelandair", "FI"), Map.entry("virgin atlantic", "VS"),
            Map.entry("qantas", "QF"), Map.entry("singapore airlines", "SQ"), Map.entry("cathay pacific", "CX"));

    /**
     * A number after a word (and an optional "flight"), not a count, an amount, a time or a date: where a name may
     * stand before it.
     */
    private static final Pattern NUMBER_AFTER_WORD = Pattern.compile(
            "(?<=\\p{L})[ \\t]+(?:(?i:flight|flug|vol|vuelo|flight no\\.?|flight number|flt\\.?)[ \\t]*:?[ \\t]*)?(\\d{1,4})"
                    + "(?![\\d:.,/-]\\d|\\d|\\s*(?i:x\\b|bags?\\b|pieces?\\b|kg\\b|km\\b|miles\\b|meilen\\b|points\\b"
                    + "|punkte\\b|nights?\\b|€|\\$|£|eur\\b|usd\\b|%|h\\b|min))");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}]*");
    /** A capitalised word after an airline's name that is not an airline word ("States" after "United"). */
    private static final Pattern NAME_AFTER = Pattern.compile("[ \\t]+(?!(?i:air|airlines|airways|air lines|flights?|flug|vol|vuelo|volo)\\b)\\p{Lu}");

    /**
     * Any name of the table as a whole word, matched on the printed text itself (ASCII case only: lower-casing the
     * text first would shift positions after "İ"), the longest name first.
     */
    private static final Pattern NAMED = Pattern.compile("(?<![\\p{L}])(?i:" + String.join("|", CODES.keySet().stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList())
            + ")(?![\\p{L}])");
    /**
     * What stands right before a name that makes it part of another name or a place: a capitalised word ("United Arab
     * Emirates", "North American") other than a sentence's opening word, or a place and a comma ("Anchorage, Alaska").
     */
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "(?:(?<![\\p{L}])(?!(?:Your|The|Thank|Thanks|Fly|Flying|With|By|On|Welcome|Dear|Choose|Book|Booked|Operated"
                    + "|Via|From|And|Ihr|Ihre|Ihren|Mit|Von|Bei|Und|Der|Die|Das|Votre|Avec|Par|Et|Su|Con|Por|Y)[ \\t]"
                    + ")\\p{Lu}\\p{L}*[ \\t]|\\p{Lu}\\p{L}+,[ \\t]+)$");
    /** "Swiss francs": a currency, not the airline. */
    private static final Pattern CURRENCY_AFTER = Pattern.compile("[ \\t]+(?i:francs?|franken)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private AirlineNames() {
    }

    /**
     * The code of the only airline the text names (capitalised, as whole words: "Southwest Airlines", "DELTA"); empty
     * when it names none or several.
     */
    static Optional<String> soleAirline(String text) {
        java.util.Set<String> named = new java.util.HashSet<>();
        Matcher m = NAMED.matcher(text);
        Matcher before = NAME_BEFORE.matcher(text).useTransparentBounds(true);
        Matcher otherName = NAME_AFTER.matcher(text);
        Matcher currency = CURRENCY_AFTER.matcher(text);
        while (m.find()) {
            int at = m.start();
            int end = m.end();
            // "United States", "American Express", "Delta Hotels": a name before another name is not the airline's
            boolean nameAfter = otherName.region(end, Math.min(text.length(), end + 30)).lookingAt()
                    || currency.region(end, Math.min(text.length(), end + 12)).lookingAt();
            boolean nameBefore = before.region(Math.max(0, at - 40), at).find();
            if (!nameAfter && !nameBefore && Character.isUpperCase(text.charAt(at))) {
                named.add(CODES.get(m.group().toLowerCase(Locale.ROOT)));
            }
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    /** The IATA code of an airline printed by its name ("AMERICAN AIRLINES", "Delta"), as far as the table knows it. */
    static Optional<String> code(String name) {
        return Optional.ofNullable(CODES.get(SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT)));
    }

    /** The flight numbers written with an airline's name, in order, as "DL 1742". */
    static List<Token> flightNumbers(String text) {
        List<Token> found = new ArrayList<>();
        Matcher m = NUMBER_AFTER_WORD.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            List<String> words = new ArrayList<>();
            Matcher w = WORD.matcher(before);
            List<Integer> starts = new ArrayList<>();
            while (w.find()) {
                words.add(w.group().toLowerCase(Locale.ROOT));
                starts.add(w.start());
            }
            // the longest name ending right before the number: "Delta Air Lines 1742" before "Lines 1742"
            for (int n = Math.min(3, words.size()); n >= 1; n--) {
                String name = String.join(" ", words.subList(words.size() - n, words.size()));
                String code = CODES.get(name);
                int nameStart = m.start() - before.length() + starts.get(words.size() - n);
                if (code != null && Character.isUpperCase(text.charAt(nameStart))) {
                    found.add(new Token(code + " " + Integer.parseInt(m.group(1)), nameStart, m.end(1)));
                    break;
                }
            }
        }
        return found;
    }
}
