package io.mailsift.connector;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's name as one comparable form, shared by connectors (a finding key's passenger part) and the app (one
 * passenger across the findings of a leg), so both tell people apart the same way.
 */
public final class PersonNames {

    /** A title glued after a GDS field's given names ("JOHNMR"), as reservation systems print it. */
    private static final Pattern GLUED_TITLE = Pattern.compile("(?<=\\p{L}{2})(?:MRS|MR|MSTR|MISS|CHD|INF)$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> TITLE_WORDS = Set.of("mr", "mrs", "ms", "miss", "mstr", "dr", "herr", "frau",
            "m", "mme", "mlle", "sr", "sra", "srta", "don", "dona", "chd", "inf", "prof", "mister", "madame",
            "monsieur", "senor", "senora");

    private PersonNames() {
    }

    /** GDS given names in capitals without the title glued after them: "JOHNMR" is "JOHN". */
    public static String withoutGluedTitle(String given) {
        return GLUED_TITLE.matcher(given).replaceFirst("");
    }

    /**
     * The name with case, accents, spacing, punctuation, title words (also one glued to GDS given names,
     * "DOE/JOHNMR") left out and its words sorted: "SMITH/JOHN MR", "Mr. John Smith" and "john  smith" are one.
     */
    public static String normalized(String name) {
        int slash = name.indexOf('/');
        String unglued = slash < 0 ? name
                : name.substring(0, slash + 1) + withoutGluedTitle(name.substring(slash + 1).strip()
                        .toUpperCase(Locale.ROOT));
        String plain = MARKS.matcher(Normalizer.normalize(unglued, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(plain)) {
            if (!word.isEmpty() && !TITLE_WORDS.contains(word)) {
                words.add(word);
            }
        }
        words.sort(null);
        return String.join(" ", words);
    }
}
