package io.mailsift.travel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference label that names whose reference it is, alone on its line, and the code alone on the next: "Référence
 * Opodo" over "5528817730", "Localizador de la aerolínea" over "TQ7ZK2", as the plain-text part of a mail renders a
 * two-cell row. The HTML's row reads "label\tcode"; this is its text rendering.
 */
final class ReferenceUnderWords {

    /** The label and one to three more words, nothing else (no colon: "Référence :" is read by {@link Labels}). */
    private static final Pattern LABEL_AND_WORDS = Pattern.compile("(?iu)^\\s*(?:(?:your|votre|ihre?|su|tu|uw)\\s+)?(?:"
            + Labels.REFERENCE.alternatives() + ")(?:\\s+[\\p{L}'’.&-]{1,15}){1,3}\\s*$");
    /** A locator (5 to 8 capitals and digits) or a booking site's number (6 to 14 digits), with a digit. */
    private static final Pattern CODE = Pattern.compile("\\s*(?-i:([A-Z0-9]{5,8}|\\d{6,14}))\\s*");

    private ReferenceUnderWords() {
    }

    static Optional<String> in(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 60 || line.indexOf('\t') >= 0 || !Labels.REFERENCE.isNamedIn(line)
                    || !LABEL_AND_WORDS.matcher(line).matches()) {
                continue;
            }
            Matcher code = CODE.matcher(lines.get(i + 1));
            if (code.matches() && code.group(1).chars().anyMatch(Character::isDigit)) {
                return Optional.of(code.group(1));
            }
        }
        return Optional.empty();
    }
}
