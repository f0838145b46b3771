package io.mailsift.travel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hotel chains' brands, which stand for the word "hotel" in their houses' names: "Chicago Marriott Downtown
 * Magnificent Mile", "Hilton Edinburgh Carlton", "Novotel Bordeaux Centre Ville" say no "hotel" and are hotels all
 * the same. A lexicon, as {@link AirlineNames} is for carriers; the chains' loyalty programmes ("Marriott Bonvoy",
 * "Hilton Honors") are not houses.
 */
final class HotelBrands {

    private static final List<String> BRANDS = List.of("Marriott", "Hilton", "Hyatt", "Sheraton", "Westin",
            "Radisson", "Novotel", "Ibis", "Mercure", "Pullman", "Sofitel", "Kempinski", "Crowne Plaza",
            "InterContinental", "Intercontinental", "Courtyard", "Four Points", "Ritz-Carlton", "Renaissance",
            "DoubleTree", "Hampton", "Embassy Suites", "Conrad", "Waldorf Astoria", "Fairmont", "Swissôtel",
            "Mövenpick", "Scandic", "Motel One", "Premier Inn", "Travelodge", "Best Western", "Meliá", "Melia",
            "NH Collection", "Barceló", "Iberostar", "Leonardo", "Maritim", "Steigenberger", "Dorint", "Kimpton",
            "Aloft", "Moxy", "Le Méridien", "Andaz", "citizenM", "Adagio", "Campanile", "Kyriad", "Wyndham", "Ramada",
            "Vincci", "Catalonia", "Paradores", "Parador", "Accor", "Mandarin Oriental", "Shangri-La", "Sonesta",
            "Omni", "Hoxton", "Jurys Inn", "Park Plaza", "Rocco Forte", "Lindner", "Hilton Garden Inn",
            "Residence Inn", "Fairfield Inn", "Holiday Inn");
    /**
     * Brands that are also ordinary words, first names or places ("Hampton Court", "Renaissance art", "Conrad"):
     * a house's name when a heading prints them, never alone a sign that a mail is about a stay.
     */
    private static final Set<String> AMBIGUOUS = Set.of("Conrad", "Hampton", "Courtyard", "Renaissance", "Leonardo",
            "Catalonia", "Omni", "Fairmont", "Adagio", "Accor");
    /** The brands longest first, so that "Hilton Garden Inn" is read whole, not as "Hilton". */
    private static final Pattern BRAND = Pattern.compile("(?u)(?<![\\p{L}])("
            + String.join("|", BRANDS.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).toList())
            + ")(?![\\p{L}])");
    /** A stay's words, which a mail naming a brand for its hotel also says. */
    private static final Pattern STAY_WORDS = Pattern.compile(
            "(?iu)\\b(hotel|hôtel|rooms?|zimmer|chambres?|habitaci(?:ón|ones)|camera|nights?|nuits?|nächte|noches?|"
                    + "check-?in|check-?out|stay|séjour|aufenthalt|estancia)(?![\\p{L}])");
    /** A capitalised word: a brand's house's place ("Hilton Edinburgh", "Chicago Marriott"). */
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}\\p{L}+");
    private static final Pattern NOT_A_HOUSE = Pattern.compile(
            "(?iu)\\b(bonvoy|honors|rewards|one|all|club|members?|points|loyalty|app|team|group|international|"
                    + "worldwide|hotels|resorts|statement|account|offers?)\\b");
    private static final Pattern DIGIT_OR_MARK = Pattern.compile("[\\d@:|#€$£]");
    private static final List<String> SMALL_WORDS = List.of("de", "du", "des", "la", "le", "del", "am", "an", "der",
            "zum", "zur", "of", "the", "di", "at", "on", "by", "y", "&", "-", "–", "en", "et", "und", "and");
    private static final int MAX_LENGTH = 60;

    private HotelBrands() {
    }

    /** Whether a word is a chain's brand: "Radisson" before "Blu Royal Hotel". */
    static boolean isBrand(String word) {
        return BRAND.matcher(word).matches();
    }

    /** The first brand the text names, the longest where one brand begins another's name ("Hilton Garden Inn"). */
    static Optional<String> first(String text) {
        Matcher brand = BRAND.matcher(text);
        return brand.find() ? Optional.of(brand.group(1)) : Optional.empty();
    }

    /**
     * Whether the text names a chain's house: a brand that is no ordinary word, by a capitalised place word ("Hilton
     * Edinburgh Carlton", "Chicago Marriott") or in a mail that speaks of a stay (rooms, nights, check-in).
     */
    static boolean named(String text) {
        Matcher brand = BRAND.matcher(text);
        Boolean stayWords = null;
        while (brand.find()) {
            if (AMBIGUOUS.contains(brand.group(1))) {
                continue;
            }
            if (placeBeside(text, brand.start(), brand.end())) {
                return true;
            }
            if (stayWords == null) {
                stayWords = STAY_WORDS.matcher(text).find();
            }
            if (stayWords) {
                return true;
            }
        }
        return false;
    }

    /** Whether a capitalised word, no loyalty programme's, stands right after or right before a brand on its line. */
    private static boolean placeBeside(String text, int start, int end) {
        int lineEnd = text.indexOf('\n', end);
        String after = text.substring(end, lineEnd < 0 ? text.length() : lineEnd).stripLeading();
        String next = after.isEmpty() ? "" : after.split("[\\s,.;:!?()]+", 2)[0];
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(lineStart, start).stripTrailing();
        String previous = before.substring(before.lastIndexOf(' ') + 1);
        return isPlaceWord(next) || isPlaceWord(previous);
    }

    private static boolean isPlaceWord(String word) {
        return CAPITALISED.matcher(word).matches() && !NOT_A_HOUSE.matcher(word).find()
                && !BRAND.matcher(word).matches();
    }

    /** The first line that is a chain's house as a heading prints it: the brand among capitalised words only. */
    static Optional<String> heading(List<String> lines) {
        for (String raw : lines) {
            String line = raw.split("\t")[0].strip();
            if (line.length() <= MAX_LENGTH && isHouse(line)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private static boolean isHouse(String line) {
        Matcher brand = BRAND.matcher(line);
        if (!brand.find() || DIGIT_OR_MARK.matcher(line).find()
                // "Motel One Berlin-Mitte": the brand's own words are no loyalty programme's "One"
                || NOT_A_HOUSE.matcher(line.substring(0, brand.start()) + " " + line.substring(brand.end())).find()) {
            return false;
        }
        String[] words = line.split("\\s+");
        if (words.length < 2) {
            return false; // "Hilton" alone is a logo's or a signature's
        }
        for (String word : words) {
            if (!SMALL_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))
                    && !Character.isUpperCase(word.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }
}
