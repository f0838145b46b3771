package io.mailsift.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The connector's faster paths answer exactly as the regular expressions they stand for. */
class PurchaseSpeedPathsTest {

    private static final List<String> WORDS = List.of("ihre", "bestellung", "vielen", "votre", "commande", "merci");

    @Test
    void shouldTakeAsAFirstLetterEveryCharacterThePatternTakesAsOne() {
        List<Character> missed = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            for (String word : WORDS) {
                String candidate = (char) c + word.substring(1);
                if (TextPurchaseExtractor.GERMAN_OR_FRENCH.matcher(candidate).lookingAt()
                        && !TextPurchaseExtractor.mayStartGermanOrFrenchWord((char) c)) {
                    missed.add((char) c);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void shouldFindAGermanOrFrenchWordExactlyWhereThePatternDoes() {
        String[] pieces = {"ihre", "IHRE", "İhre", "ıhre", "bestellung", "beſtellung", "Vielen", "votre", "commande",
            "merci", "MERCI", "xmerci", "merciy", "émerci", "merciè", "1merci", "merci2", " ", "\n", ".", "é", "a",
            "Z", "İ", "ı", "ſ", "K", "\uD801\uDC00", "\uD83D\uDE00", "commandé", "order", "thank you", "_", "-"};
        SplittableRandom random = new SplittableRandom(42);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 9);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String sample = text.toString();
            assertThat(TextPurchaseExtractor.germanOrFrench(sample)).as(sample)
                    .isEqualTo(TextPurchaseExtractor.GERMAN_OR_FRENCH.matcher(sample).find());
        }
    }
}
