package io.mailsift.travel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hotel chains' brands, which stand for the word "hotel" in their houses' names: "Chicago Marriott Downtown
 * Magnificent Mile", "Hilton Edinburgh Carlton", "Novotel Bordeaux Centre Ville" say no "hotel" and are hotels all
 * the same. A lexicon, as {@link AirlineNames} is for carriers; the chains' loyalty programmes ("Marriott Bonvoy",
 * "Hilton Honors") are not houses.
 */
final class HotelBrands {

    private static final Pattern BRAND = Pattern.compile(
            "(?u)(?<![\\p{L}])(Marriott|Hilton|Hyatt|Sheraton|Westin|Radisson|Novotel|Ibis|Mercure|Pullman|Sofitel|"
                    + "Kempinski|Crowne Plaza|InterContinental|Intercontinental|Courtyard|Four Points|Ritz-Carlton|"
                    + "Renaissance|DoubleTree|Hampton|Embassy Suites|Conrad|Waldorf Astoria|Fairmont|Swissôtel|"
                    + "Mövenpick|Scandic|Motel One|Premier Inn|Travelodge|Best Western|Meliá|Melia|NH Collection|"
                    + "Barceló|Iberostar|Leonardo|Maritim|Steigenberger|Dorint|Kimpton|Aloft|Moxy|Le Méridien|Andaz|"
                    + "citizenM|Adagio|Campanile|Kyriad|Wyndham|Ramada|Vincci|Catalonia|Paradores|Parador|Accor|"
                    + "Mandarin Oriental|Shangri-La|Sonesta|Omni|Hoxton|Jurys Inn|Park Plaza|Rocco Forte|Lindner|"
                    + "Hilton Garden Inn|Residence Inn|Fairfield Inn|Holiday Inn)(?![\\p{L}])");
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

    /** Whether the text names a chain's brand anywhere. */
    static boolean named(String text) {
        return BRAND.matcher(text).find();
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
        if (!BRAND.matcher(line).find() || DIGIT_OR_MARK.matcher(line).find() || NOT_A_HOUSE.matcher(line).find()) {
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
