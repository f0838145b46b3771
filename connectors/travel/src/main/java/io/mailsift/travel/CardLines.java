package io.mailsift.travel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The card ticket sellers and table-booking sites print instead of labels: the show's or the restaurant's name as a
 * heading line, the date (and time) on the line under it, the venue and its address under that.
 * <pre>
 * Low Tide Collective
 * Fri 12 Feb 2027
 * Doors 18:30 / Show 19:30
 * The Jazz Cellar, 14 Wharf Road, Bristol BS1 4QD
 * </pre>
 * Only a date line that is the date (a weekday at most before it, a short line) makes a card: a date in a sentence
 * says nothing of the line above it.
 */
final class CardLines {

    /** Where the date starts in its line at the latest: "Wednesday, " or "Sáb., " before it, no label. */
    private static final int DATE_INDENT = 14;
    private static final int DATE_LINE = 70;
    private static final Pattern GREETING = Pattern.compile(
            "(?iu)^(hi|hello|hey|dear|good (morning|afternoon|evening)|hallo|liebe|lieber|sehr geehrte|guten tag|moin|"
                    + "servus|bonjour|bonsoir|cher|chère|salut|hola|estimad[oa]|querid[oa]|buenos días|buenas)\\b");
    /** Headings that say what the mail is, not what was booked. */
    private static final Pattern GENERIC = Pattern.compile(
            "(?iu)\\b(order|bestellung|commande|pedido|compra|reservation|réservation|reserva|reservierung|"
                    + "tischreservierung|booking|buchung|confirm\\p{L}*|bestätig\\p{L}*|tickets?|billets?|entradas?|karten|"
                    + "total|gesamt|summe|details|détails|einzelheiten|detalles|summary|übersicht|récapitulatif|resumen|"
                    + "waitlist|warteliste|liste d'attente|lista de espera|thank|danke|merci|gracias|your|votre|ihre|"
                    + "deine|you|vous|sie|events?|veranstaltungen|événements|eventos|near|recommended)\\b"
                    // "Du bist dabei", "Tu compra": a pronoun opening the heading; "LES ÉTOILES DU NORD" keeps "du"
                    + "|^(?:tu|su|du)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?,;:]$");
    /**
     * A competition's round under a match, in general words across languages, not the competitions' names: "2.
     * Bundesliga, 26. Spieltag", "Premier League, Matchday 30", "Serie A, 12ª giornata".
     */
    private static final Pattern ROUND_WORDS = Pattern.compile(
            "(?iu)\\b(spieltag|matchday|match day|gameweek|round|runde|journée|jornada|giornata|speelronde)"
                    + "(?![\\p{L}])"); // \\b is ASCII-only: after the é of "journée" it never holds
    /** Words of a hall, a stadium or a theatre, as a venue's line under a show's name holds them. */
    private static final Pattern VENUE_WORDS = Pattern.compile(
            "(?iu)\\b(zénith|zenith|arena|stadium|stade|stadion|estadio|theatre|théâtre|theater|teatro|hall|halle|salle|"
                    + "sala|palais|palacio|palau|olympia|opéra|opera|oper|philharmonie|auditorium|auditorio|dôme|forum|"
                    + "academy|konzerthaus|kulturhaus|sporthalle|club|ballroom|amphitheatre|amphitheater|pavilion|"
                    + "pavillon|coliseum|colosseum)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CURRENCY = Pattern.compile("[€$£]|\\b(EUR|USD|GBP|CHF)\\b");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern LABEL_WORD = Pattern.compile(
            "(?iu)\\b(date|datum|fecha|time|zeit|uhrzeit|heure|hora|venue|lieu|ort|lugar|where|when|wann|quand|name|nom|"
                    + "show|event|film|movie|artist|reference|référence|referencia|number|nummer|numéro|número|seat|"
                    + "place|platz|asiento|screen|saal|salle|sala|row|reihe|rang|fila|n°|no|nr)\\b");

    private CardLines() {
    }

    /** The index of the line holding the text position {@code offset} of {@code lines} joined by line breaks. */
    static int lineOf(List<String> lines, int offset) {
        int end = 0;
        for (int i = 0; i < lines.size(); i++) {
            end += lines.get(i).length() + 1;
            if (offset < end) {
                return i;
            }
        }
        return lines.size() - 1;
    }

    /** Whether the line is a card's date line: the date at its start, a short line. */
    static boolean isDateLine(String line, int dateStartInLine) {
        return dateStartInLine <= DATE_INDENT && line.strip().length() <= DATE_LINE && line.indexOf('\t') < 0;
    }

    private static int nonBlankAbove(List<String> lines, int line) {
        int above = line - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        return above;
    }

    /**
     * The heading line right above a card's date line, when it reads as a name and nothing else; above the venue's
     * line when that stands between ("MATHIEU LAVAL - TOURNÉE 2027" / "Zénith, Nantes" / "samedi 6 février 2027").
     */
    static Optional<String> nameAbove(List<String> lines, int dateLine) {
        int above = nonBlankAbove(lines, dateLine);
        if (above >= 0 && venueOfLine(lines.get(above).strip()).isPresent()) {
            above = nonBlankAbove(lines, above);
        } else if (above >= 0 && (VENUE_WORDS.matcher(lines.get(above)).find()
                // "FC Nordhafen – SV Elbtal" / "2. Bundesliga, 26. Spieltag" / "Sa., 20.03.2027": a round between
                || ROUND_WORDS.matcher(lines.get(above)).find())) {
            // "LES ÉTOILES DU NORD" / "Zénith Paris - La Villette" / "Samedi 13 mars 2027": a hall's line between; a
            // show named for its hall ("The Phantom of the Opera") is the name when nothing above reads as one
            int upper = nonBlankAbove(lines, above);
            Optional<String> name = upper >= 0 ? asName(lines.get(upper).strip()) : Optional.empty();
            if (name.isPresent()) {
                return name;
            }
        }
        if (above < 0) {
            return Optional.empty();
        }
        return asName(lines.get(above).strip());
    }

    /** A heading line that reads as a show's or a restaurant's name and nothing else. */
    static Optional<String> asName(String name) {
        int colon = name.indexOf(':');
        // "Starfall: The Last Light" is a film's title, "Order: 2093" or "Venue: Zénith" a label's row
        boolean titleColon = colon > 0 && colon + 2 < name.length() && name.charAt(colon + 1) == ' '
                && Character.isUpperCase(name.codePointAt(colon + 2))
                && !LABEL_WORD.matcher(name.substring(0, colon)).find();
        if (name.length() < 3 || name.length() > 60 || !Character.isUpperCase(name.codePointAt(0))
                || name.indexOf('\t') >= 0 || colon >= 0 && !titleColon || name.indexOf('@') >= 0
                || SENTENCE_END.matcher(name).find() || SPACES.split(name).length > 8 || GREETING.matcher(name).find()
                || GENERIC.matcher(name).find() || CURRENCY.matcher(name).find()
                || !DateTimes.times(name).isEmpty()
                || !DateTimes.dates(name, LocalDate.of(2000, 1, 1), false).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** The venue of a line that is a name and a known city after it: "Zénith, Nantes", "Accor Arena - Paris". */
    private static Optional<String> venueOfLine(String line) {
        int split = Math.max(line.lastIndexOf(", "), line.lastIndexOf(" - "));
        if (split < 3 || line.length() > 80 || !Character.isUpperCase(line.codePointAt(0)) || line.indexOf('\t') >= 0
                || line.indexOf(':') >= 0 || !Airports.isCity(line.substring(split + 2).strip())) {
            return Optional.empty();
        }
        int first = line.indexOf(", ") > 0 ? line.indexOf(", ") : line.indexOf(" - ");
        String venue = line.substring(0, first).strip();
        return venue.length() >= 3 && !DIGIT.matcher(venue).find() && !GENERIC.matcher(venue).find()
                && !Airports.isCity(venue) ? Optional.of(venue) : Optional.empty();
    }

    /** A card's venue: on the line above its date line (under the name), else under it. */
    static Optional<String> venue(List<String> lines, int dateLine) {
        int above = nonBlankAbove(lines, dateLine);
        Optional<String> venueAbove = above >= 0 ? venueOfLine(lines.get(above).strip()) : Optional.empty();
        return venueAbove.isPresent() ? venueAbove : venueBelow(lines, dateLine);
    }

    /**
     * The venue under a card's date line (a line of times, "Doors 18:30 / Show 19:30", may stand between): a name
     * followed by its address or city after a comma ("Columbiahalle, Berlin"), the name alone kept.
     */
    private static Optional<String> venueBelow(List<String> lines, int dateLine) {
        int seen = 0;
        for (int i = dateLine + 1; i < lines.size() && seen < 2; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            if (!DateTimes.times(line).isEmpty()) {
                continue;
            }
            int comma = line.indexOf(", ");
            if (comma < 3 || line.length() > 100 || !Character.isUpperCase(line.codePointAt(0))
                    || line.indexOf('\t') >= 0 || line.indexOf(':') >= 0 || SENTENCE_END.matcher(line).find()
                    || CURRENCY.matcher(line).find() || GENERIC.matcher(line).find()) {
                return Optional.empty();
            }
            String venue = line.substring(0, comma).strip();
            return venue.length() <= 60 && !DIGIT.matcher(venue).find() && !Airports.isCity(venue)
                    ? Optional.of(venue) : Optional.empty();
        }
        return Optional.empty();
    }
}
