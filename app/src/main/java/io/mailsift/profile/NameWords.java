package io.mailsift.profile;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names (of items, merchants, keywords) as comparable words: lower case, without accents or punctuation. */
final class NameWords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Sizes and counts ("1kg", "500 ml", "x2", "12-pack"): a refill in another size is the same item. */
    private static final Pattern SIZE = Pattern.compile(
            "\\d+(?:[.,]\\d+)?(?:kg|g|mg|l|ml|cl|oz|lb|lbs|x|pcs|pc|pack|st|stk|stuck|count|ct)?|x\\d+|"
                    + "kg|g|mg|l|ml|cl|oz|lb|lbs|pcs|pack|stk|stuck|count|ct");

    private NameWords() {
    }

    /** The words of a name: {@code "Café en grains, 1 kg"} gives {@code [cafe, en, grains, 1, kg]}. */
    static List<String> of(String name) {
        String folded = Normalizer.normalize(name.replace("ß", "ss"), Normalizer.Form.NFD);
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        String spaced = NOT_A_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").strip();
        return spaced.isEmpty() ? List.of() : Arrays.asList(spaced.split(" "));
    }

    /**
     * The key that tells whether two purchases are of the same item: the name's words without sizes and counts,
     * joined by a space; empty when nothing but sizes is left.
     */
    static String itemKey(String name) {
        return String.join(" ", of(name).stream().filter(word -> !SIZE.matcher(word).matches()).toList());
    }
}
