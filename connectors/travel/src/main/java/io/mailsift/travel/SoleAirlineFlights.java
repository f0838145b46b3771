package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.Legs.Token;

/**
 * Flight numbers an airline prints without its code, in its own mail: "Flight 403", "Change planes to Flight 1185"
 * under "Southwest Airlines" (its ticketless confirmations), "Flug 2417" in a mail of one airline. The number is that
 * airline's when the mail names exactly one airline of the table; a mail naming several (a comparison, an agency's
 * offers) or none gets no number from here.
 */
final class SoleAirlineFlights {

    /**
     * The word "flight" and a number of two to four digits: not a leg's ordinal ("Flight 1", "Flight 2 of 3"), a time,
     * a duration ("Flight 45 min", "Flug 12 Std."), a price or a share ("Flight 12/24").
     */
    private static final Pattern LABELLED_NUMBER = Pattern.compile(
            "(?<![\\p{L}])(?:Flight|FLIGHT|Flug|FLUG|Vuelo|VUELO|Vol|VOL|Volo|VOLO)(?:[ \\t]+(?:No\\.?|Nr\\.?|#|n°))?"
                    + "[ \\t]*:?[ \\t]*(\\d{2,4})(?![\\d:.,/%]|[ \\t]*(?i:of|von|de|sur|di|x)\\b"
                    + "|[ \\t]*(?i:h|hrs?|hours?|min|mins|minutes?|minuten|std|stunden?|heures?|horas?|ore)\\b)");

    private SoleAirlineFlights() {
    }

    /** The numbers after "Flight" as the one airline the text names flies them: "WN 403". */
    static List<Token> in(String text) {
        Matcher m = LABELLED_NUMBER.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        Optional<String> airline = AirlineNames.soleAirline(text);
        if (airline.isEmpty()) {
            return List.of();
        }
        List<Token> found = new ArrayList<>();
        do {
            found.add(new Token(airline.get() + " " + Integer.parseInt(m.group(1)), m.start(), m.end()));
        } while (m.find());
        return found;
    }
}
