package io.mailsift.travel;

import java.util.regex.Pattern;

/**
 * The words that tell a rental car from a ride booked with its driver, shared by the text and calendar readings so
 * both decide alike: a car class ("VW Polo or similar") is what only renting books, unless the mail is an airport
 * transfer's, which names a car class and a pick-up too.
 */
final class RentalWords {

    /** A car class's "or similar", in the languages renters write: "BMW 1er oder ähnlich", "Seat Ibiza o similar". */
    static final Pattern OR_SIMILAR = Pattern.compile(
            "(?iu)\\b(or similar|ou similaire|oder ähnlich|o similar|o simile|of vergelijkbaar|ou similar)\\b");

    /**
     * A transfer, shuttle or taxi, or a driver who comes with the car; a renter's own driver ("additional driver",
     * "driver's licence", "drivers must be 21") is not one.
     */
    static final Pattern TRANSFER = Pattern.compile(
            "(?iu)\\b(transfers?|shuttle|taxi|traslados?|transferts?|navette|meet you|name sign|abholservice)\\b"
                    + "|(?<!additional |young |main |extra |second |named |lead |principal )"
                    + "\\b(driver|fahrer|chauffeur|conductor)\\b"
                    + "(?!['’]s\\s+licen|\\s+licen|\\s+principal|\\s+adicional|\\s+additional|\\s+age\\b|s?\\s+must)");

    /** A return at the pick-up place, as rental mails say it instead of repeating the place. */
    static final Pattern SAME_PLACE = Pattern.compile(
            "(?iu)^(same as|same location|identique|même agence|même lieu|idem|wie abholung|gleiche station|"
                    + "igual que|mismo lugar|misma oficina)");

    private RentalWords() {
    }
}
