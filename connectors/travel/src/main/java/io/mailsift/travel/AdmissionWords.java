package io.mailsift.travel;

import java.util.regex.Pattern;

/**
 * The words of an admission, the one definition the text reading, a box office's invitation and the mail around a
 * calendar share: a ticket across languages. Not "place", "seats" or "doors", which any mail may say.
 */
final class AdmissionWords {

    /** "Tickets", "billets", "e-tickets", "Eintrittskarten", "entradas", "biglietti", "boletos", "localidades". */
    static final Pattern TICKETS = Pattern.compile(
            "(?iu)\\b(tickets?|billets?|e-?tickets?|e-billets?|eintrittskarten?|karten|konzertkarten|entradas?|"
                    + "biglietti|biglietto|boletos?|localidades|admission|einlass)\\b");

    private AdmissionWords() {
    }
}
