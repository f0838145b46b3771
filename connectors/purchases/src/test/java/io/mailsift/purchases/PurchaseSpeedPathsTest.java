package io.mailsift.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The connector's faster searches answer exactly as {@code find()} of the regular expressions they stand for. */
class PurchaseSpeedPathsTest {

    /** A search and one spelling of each alternative of its pattern. */
    record Case(String name, WordStartSearch search, List<String> words) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> searches() {
        return List.of(
                new Case("German or French", TextPurchaseExtractor.GERMAN_OR_FRENCH_WORD,
                        List.of("ihre", "bestellung", "vielen", "votre", "commande", "merci")),
                new Case("date label", TextPurchaseExtractor.DATE_LABEL_WORD,
                        List.of("order date", "date ordered", "ordered on", "order placed", "placed on",
                                "purchase date", "date of purchase", "invoice date", "receipt date", "billed on", "date",
                                "bestelldatum", "bestellt am", "bestellung vom", "auftragsdatum", "rechnungsdatum",
                                "kaufdatum", "datum", "date de commande", "commandée le", "commande du", "passée le",
                                "date d'achat", "date de facturation")),
                new Case("unit price header", LineItems.UNIT_PRICE_HEADER_WORD,
                        List.of("unit price", "price each", "each", "einzelpreis", "stückpreis", "stuckpreis",
                                "prix unitaire", "p. u.", "p.u.")));
    }

    @ParameterizedTest
    @MethodSource("searches")
    void shouldTakeAsAFirstLetterEveryCharacterThePatternBeginsAMatchWith(Case search) {
        List<Character> missed = new ArrayList<>();
        // Whether a character matches an alternative's first letter does not depend on the rest of the alternative:
        // one alternative per first letter is enough.
        java.util.Map<Character, String> byFirstLetter = new java.util.LinkedHashMap<>();
        search.words().forEach(word -> byFirstLetter.putIfAbsent(word.charAt(0), word));
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            for (String word : byFirstLetter.values()) {
                String candidate = (char) c + word.substring(1);
                if (search.search().pattern().matcher(candidate).lookingAt() && !search.search().mayStart((char) c)) {
                    missed.add((char) c);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    /** Every match, as a find() loop that goes on from the end of each match finds them. */
    private static List<String> matches(WordStartSearch search, String text) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher matcher = search.matcher(text);
        for (int from = 0; search.find(matcher, text, from); from = matcher.end()) {
            found.add(matcher.start() + "-" + matcher.end());
        }
        return found;
    }

    @ParameterizedTest
    @MethodSource("searches")
    void shouldFindAMatchExactlyWhereThePatternDoes(Case search) {
        List<String> pieces = new ArrayList<>(List.of(" ", "\n", ".", ":", "é", "a", "Z", "x", "1", "_", "-", "İ",
                "ı", "ſ", "K", "\u0301", "\uD801\uDC00", "\uD83D\uDE00", "order", "thank you", "price", "unit"));
        for (String word : search.words()) {
            pieces.add(word);
            pieces.add(word.toUpperCase(java.util.Locale.ROOT));
            pieces.add("İ" + word.substring(1));
            pieces.add("ı" + word.substring(1));
            pieces.add("ſ" + word.substring(1));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int run = 0; run < 30_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 9);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String sample = text.toString();
            assertThat(search.search().find(sample)).as(sample)
                    .isEqualTo(search.search().pattern().matcher(sample).find());
            assertThat(matches(search.search(), sample)).as(sample)
                    .isEqualTo(search.search().pattern().matcher(sample).results()
                            .map(match -> match.start() + "-" + match.end()).toList());
        }
    }
}
