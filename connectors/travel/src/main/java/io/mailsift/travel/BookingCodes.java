package io.mailsift.travel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A booking's code that a calendar event or the short mail around it writes after a bare booking word ("Order:
 * 1184930277", "Ticket #TKX93K2", "Bestellung: 4471-2291", "Commande n° 558201934", "Your order 22-81734 is
 * confirmed"): words {@link Labels} does not take alone, since a long mail uses them for much else, but which in a
 * calendar's few lines name the booking. The code must hold a digit.
 */
final class BookingCodes {

    private static final String WORDS = "order|orden|bestellung|auftrag|commande|pedido|compra|reference|ref|référence|"
            + "referencia|ticket|tickets|billet|entrada|booking|buchung|réservation|reservation|reserva|reservierung|"
            + "confirmation|bestätigung|confirmación|vorgang|dossier";
    private static final Pattern LABELLED = Pattern.compile("(?iu)\\b(?:" + WORDS + ")(?:\\s*(?:no\\.?|nr\\.?|number|"
            + "nummer|numéro|número|n°|nº|id|code|#))?\\s*[:#]\\s*#?\\s*([A-Z0-9][A-Z0-9-]{3,19})(?![\\p{L}\\d-])");
    private static final Pattern OWN_ORDER = Pattern.compile("(?iu)\\b(?:your|ihre|votre|tu|su)\\s+(?:order|bestellung|"
            + "commande|pedido|booking|buchung|réservation|reserva|reservation)\\s+(?:#|n°|nº|nr\\.?|no\\.?)?\\s*"
            + "([A-Z0-9][A-Z0-9-]{4,19})(?![\\p{L}\\d-])");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}-\\d{1,2}-\\d{2,4}");

    private BookingCodes() {
    }

    /** The first such code in the lines, a labelled one before one in a sentence. */
    static Optional<String> in(List<String> lines) {
        for (Pattern pattern : List.of(LABELLED, OWN_ORDER)) {
            for (String line : lines) {
                if (line.length() > 300) {
                    continue;
                }
                Matcher m = pattern.matcher(line);
                while (m.find()) {
                    String code = m.group(1);
                    if (code.chars().anyMatch(Character::isDigit) && !code.endsWith("-") && !DATE.matcher(code).matches()
                            && code.chars().filter(Character::isDigit).count() >= 3) {
                        return Optional.of(code);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
