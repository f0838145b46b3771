package io.mailsift.travel;

import java.util.regex.Pattern;

/**
 * A show's name as a ticket seller's calendar event writes it in its summary: "Tickets: Coral Static - Spring Tour",
 * "Billets : Orchestre Lamoureux", "Ihre Karten: Die Zauberflöte". The words of the ticket before the colon are the
 * seller's, not the show's.
 */
final class ShowNames {

    private static final Pattern TICKET_PREFIX = Pattern.compile(
            "(?iu)^(?:(?:your|my|votre|vos|ihre?|tus?|sus?)\\s+)?(?:e-?)?(?:tickets?|billets?|entradas?|karten|"
                    + "eintrittskarten|biglietti|admission)\\s*:\\s*(?=\\p{Lu}|\\d)");

    private ShowNames() {
    }

    /** The summary without a ticket's words before the show's name. */
    static String ofSummary(String summary) {
        String name = TICKET_PREFIX.matcher(summary.strip()).replaceFirst("").strip();
        return name.length() >= 2 ? name : summary.strip();
    }
}
