package io.mailsift.travel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Booking references printed in layouts the label reading ({@link Labels#reference}) does not take: a receipt's
 * column of values under a header row ("Booking reference | Date of issue" over "6TQ8WX | 12JAN17"), an airline's
 * name around the label ("Your Lufthansa booking code: 6TQ8WX", "Su código de reserva Iberia es 6TQ8WX"), the code
 * before its label ("6TQ8WX is your booking reference"), a label in two languages ("Buchungscode / Booking code:
 * 6TQ8WX") and such a label, or one with its abbreviation in brackets, alone on its line ("Buchungsnummer (PNR)",
 * "Your SWISS booking reference", the code on the next line). The code is 5 to 8 capitals and digits, as airlines'
 * and reservation systems' are.
 */
final class ReferenceLayouts {

    private static final String CODE = "(?-i:([A-Z0-9]{5,8}))(?![\\p{L}\\d])";
    /**
     * A code where a word or another number could stand as well, checked afterwards ({@link #acceptable}): 5 to 8
     * capitals and digits or a number of 6 to 12 digits, not run on into a name ("BERGER/ANNA"), a date or a phone
     * number ("12345-678").
     */
    private static final String LOOSE_CODE = "(?-i:([A-Z0-9]{5,8}|\\d{6,12}))(?![\\p{L}\\d/]|[-.,:]\\d)";
    /** An airline's designator before its locator: "LH/ZXCVBN". */
    private static final String DESIGNATOR = "(?:(?-i:[A-Z0-9]{2})/)?";
    private static final String OWNER = "(?:(?:your|our|votre|vos|ihre?|deine?|su|tu|uw|je)\\s+)?";
    /** An airline's or agency's name, capitalised, beside the label: "Lufthansa", "SWISS", "Air France". */
    private static final String BRAND = "(?-i:\\p{Lu}[\\p{L}&-]{1,15}(?:\\s\\p{Lu}[\\p{L}&-]{1,15})?)";
    private static final String LABEL = "(?:" + Labels.REFERENCE.alternatives() + ")";
    private static final Pattern AROUND_LABEL = Pattern.compile("(?iu)(?:^|[.!?]\\s+|\\t)\\s*" + OWNER + "(?:" + BRAND
            + "\\s+)?" + LABEL + "\\.?(?:\\s*/\\s*" + OWNER + LABEL + "\\.?)?(?:\\s+" + BRAND + ")?"
            + "\\s*(?:\\([^)]{0,20}\\))?\\s*(?::|\\s(?:is|est|ist|es|lautet|è)\\b:?)\\s*" + CODE);
    /** A plain-text heading's rule around its words: "****** CONFIRMATION NUMBER ******", "=== Booking code ===". */
    private static final String RULE = "(?:[*=#~_-]{3,}\\s*)?";
    /** The label alone on its line, with an airline's name or an abbreviation in brackets the labels do not take. */
    private static final Pattern LABEL_ALONE = Pattern.compile("(?iu)^\\s*" + RULE + OWNER + "(?:" + BRAND + "\\s+)?"
            + LABEL + "(?:\\s+" + BRAND + ")?\\s*(?:\\([^)]{1,20}\\))?\\s*:?\\s*" + RULE + "$");
    /** The code before its label: "6TQ8WX is your booking reference", "6TQ8WX ist Ihr Buchungscode". */
    private static final Pattern CODE_BEFORE_LABEL = Pattern.compile("(?iu)(?<![\\p{L}\\d])" + CODE
            + "\\s+(?:is|est|ist|es|è)\\s+(?:your|votre|ihr|su|tu|il tuo|la tua)\\s+(?:" + BRAND + "\\s+)?" + LABEL
            + "(?![\\p{L}])");
    /**
     * A booking word, its code and that it is confirmed, in one sentence: "Your booking ABC12X is confirmed", "Ihre
     * Buchung ABC12X ist bestätigt", "Booking confirmation ABC12X". The code needs a digit and a letter here.
     */
    private static final Pattern CONFIRMED_CODE = Pattern.compile("(?iu)(?<![\\p{L}])(?:(?:booking|reservation|"
            + "réservation|buchung|reserva|reservierung|prenotazione|boeking)\\s*\\(?\\s*" + CODE + "\\s*\\)?\\s*:?\\s*"
            + "(?:is|est|ist|está|es|has been|wurde|a été|è|is now|werd)?\\s*(?:confirmed|confirmée?|bestätigt|confirmada"
            + "|confermata|bevestigd)(?![\\p{L}])|(?:booking|reservation) confirmation\\s*:?\\s*" + CODE + ")");
    private static final Pattern CODE_CELL = Pattern.compile("\\s*" + CODE + "\\s*");

    /**
     * A locator of six letters in a subject, after a label that names a code ("Buchungscode XKQWTB", "PNR: LMQTZA"):
     * not after a bare booking word, where six capitals are as often a word ("Booking UPDATE").
     */
    private static final Pattern SUBJECT_LOCATOR = Pattern.compile("(?iu)(?<![\\p{L}])(?:booking code|booking reference|"
            + "booking ref|reservation code|confirmation code|record locator|pnr|buchungscode|buchungsnummer|"
            + "code de réservation|référence de réservation|référence dossier|código de reserva|localizador|"
            + "codice di prenotazione|boekingscode)\\.?\\s*[:#]?\\s*(?-i:([A-Z]{6}))(?![\\p{L}\\d])");

    /**
     * A code in a subject after a word that names a trip's or a ticket's papers, or a bare "Ref": "Your e-ticket
     * receipt QWERTZ", "Itinerary for BERGER/ANNA MS - Ref QWERTZ", "Reiseplan K7Q2MX". Six capitals or a code with
     * a digit; never a name ("BERGER/ANNA"), a city, a word of the stop list, a date or a flight number.
     */
    private static final Pattern SUBJECT_PAPERS = Pattern.compile("(?iu)(?<![\\p{L}])(?:e-?ticket(?:\\s+(?:itinerary|"
            + "receipt|confirmation))*|electronic ticket(?:\\s+receipt)?|ticket receipt|(?:travel\\s+)?itinerary"
            + "(?:\\s+receipt)?|trip(?:\\s+(?:id|reference|ref|number|no|#))?|reference|référence|ref|réf"
            + "|referencia|riferimento|reiseplan|flugschein|e-billet|billet électronique|itinéraire|itinerario"
            // the code starts on its own: "REFERENCE: 123456789" is no "REF" before a code "ERENCE"
            + "|billete electrónico)(?:(?<=#)|(?![\\p{L}]))\\.?\\s*[:#]?\\s*" + LOOSE_CODE
            // six capitals followed by more words in capitals are a name: "E-ticket receipt BERGER ANNA MS"
            + "(?!\\s+(?-i:\\p{Lu}{2,})(?![\\p{L}-]))");

    /** Six capitals after a booking word and a colon, as a label prints them: "Booking confirmation: QWERTZ". */
    private static final Pattern SUBJECT_WORD_COLON = Pattern.compile("(?iu)(?<![\\p{L}])(?:booking|reservation|"
            + "confirmation|buchung|buchungsbestätigung|réservation|reserva|prenotazione|boeking)\\s*[:#]\\s*"
            + "(?-i:([A-Z]{6}))(?![\\p{L}\\d/])(?!\\s+(?-i:\\p{Lu}{2,})(?![\\p{L}-]))");

    /** The subject's words after which six capitals alone are a locator: a ticket's receipt, a "Ref". */
    private static final Pattern LOCATOR_WORDS = Pattern.compile("(?iu)e-?ticket|electronic ticket|ticket receipt|ref"
            + "|réf|e-billet|billet électronique|billete electrónico|flugschein");

    private ReferenceLayouts() {
    }

    /** The six-letter locator a subject prints after a label that names a code, or a code after a papers word. */
    static Optional<String> inSubject(String subject) {
        Matcher m = SUBJECT_LOCATOR.matcher(subject);
        if (m.find() && !NOT_CODES.contains(m.group(1))) {
            return Optional.of(m.group(1));
        }
        m = SUBJECT_WORD_COLON.matcher(subject);
        if (m.find() && isLocator(m.group(1))) {
            return Optional.of(m.group(1));
        }
        m = SUBJECT_PAPERS.matcher(subject);
        while (m.find()) {
            String code = m.group(1);
            boolean digits = code.chars().allMatch(Character::isDigit);
            // a number alone only after a trip's own ID ("Trip ID 7123456789"), not after "Ref 2027"
            // six capitals only after a ticket's or a "Ref" word: after "Itinerary" they are as often an agent's
            // or a traveller's tag ("Itinerary RAHMED")
            boolean letters = code.chars().noneMatch(Character::isDigit);
            if (digits ? code.length() >= 7 && m.group().regionMatches(true, 0, "trip", 0, 4)
                    : isPlausible(code) && (!letters || LOCATOR_WORDS.matcher(m.group()).lookingAt())) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /**
     * Capitalised words that a mail prints under a booking word where a code could stand, never a reservation
     * system's locator: a booking's status ("Booking: CONFIRMED", "Reserva: ANULADA") or a word of a heading.
     */
    static final java.util.Set<String> NOT_CODES = java.util.Set.of(
            // English
            "CONFIRMED", "PENDING", "BOOKED", "ISSUED", "TICKETED", "CANCELLED", "CANCELED", "OPEN", "ONLINE",
            "ACTIVE", "CLOSED", "FAILED", "REFUND", "REFUNDED", "CHANGE", "CHANGED", "UPDATE", "UPDATED", "NOTICE",
            "STATUS", "NUMBER", "DETAIL", "DETAILS", "TICKET", "FLIGHT", "FLIGHTS", "RETURN", "TRAVEL", "HOTELS",
            "MOBILE", "ACTION", "URGENT", "PLEASE", "THANKS", "REVIEW", "REMIND", "CANCEL", "PAYMENT", "PAID",
            "UNPAID", "ONHOLD", "WAITLIST", "WAITING", "REQUEST", "ACCEPTED", "DECLINED", "REJECTED", "EXPIRED",
            "VOID", "VOIDED", "REISSUED", "EXPIRES", "SUMMER", "WINTER", "SPRING", "AUTUMN", "RECEIPT", "INVOICE",
            "SUMMARY", "AGENCY", "OFFICE", "MANUAL", "DIRECT", "ECONOMY", "BUSINESS", "PREMIUM", "REMINDER",
            "SCHEDULE", "SUCCESS", "COMPLETE", "CHECKIN", "CONFIRM", "CONFIRMATION", "BOOKING", "RESERVED",
            "INBOUND", "OUTBOUND", "DEPART", "ARRIVE", "ADULT", "ADULTS", "CHILD", "INFANT", "PERSON", "PEOPLE",
            // German
            "BESTAETIGT", "GEBUCHT", "OFFEN", "OFFENE", "STORNO", "STORNIERT", "STORNIERUNG", "BEZAHLT",
            "AUSGESTELLT", "ERHALTEN", "ANFRAGE", "AENDERUNG", "BUCHUNG", "ABGESAGT", "WARTELISTE",
            // French
            "CONFIRME", "CONFIRMEE", "ANNULE", "ANNULEE", "ANNULATION", "VALIDE", "VALIDEE", "EMIS", "EMISE",
            "EMISES", "PAYE", "PAYEE", "REGLE", "REGLEE", "ATTENTE", "DOSSIER", "OUVERT", "MODIFIE",
            // Spanish, Italian
            "CONFIRMADA", "CONFIRMADO", "PENDIENTE", "EMITIDO", "EMITIDA", "ANULADA", "ANULADO", "PAGADO", "PAGADA",
            "RESERVADO", "RESERVADA", "ACTIVA", "CERRADA", "CAMBIO", "RESERVA", "CONFERMATA", "ANNULLATA",
            "EMESSO", "PAGATO", "BEVESTIGD", "GEANNULEERD");

    /** A day and month as fares and GDS printouts write them: "12MAR27", "12MAR2027". */
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
            + "(?:\\d{2}|\\d{4})?");
    /** A word and a year or a count, an offer's code: "SPRING27", "SUMMER2027", "WINTER50". */
    private static final Pattern WORD_AND_YEAR = Pattern.compile("[A-Z]{5,}\\d{2,4}");
    /** A flight number written as one word: "LH2024", "U21234", "4U812", "LH2024A". */
    private static final Pattern FLIGHT_SHAPE = Pattern.compile("[A-Z][A-Z0-9]\\d{1,4}[A-Z]?|\\d[A-Z]\\d{1,4}[A-Z]?");

    /**
     * Whether a code read where a word or another number could stand is a booking's: six capitals (a reservation
     * system's locator) that are no word of the stop list and no city, or capitals and digits that are neither a date
     * nor a flight number.
     */
    static boolean isPlausible(String code) {
        if (NOT_CODES.contains(code)) {
            return false;
        }
        boolean digit = code.chars().anyMatch(Character::isDigit);
        boolean letter = code.chars().anyMatch(Character::isLetter);
        if (!digit) {
            return isLocator(code);
        }
        return letter && !DATE_SHAPE.matcher(code).matches() && !FLIGHT_SHAPE.matcher(code).matches()
                && !WORD_AND_YEAR.matcher(code).matches();
    }

    /** Whether a code is a day and month as GDS printouts write them: "12MAR27". */
    static boolean isDate(String code) {
        return DATE_SHAPE.matcher(code).matches();
    }

    /** Six capitals that are no word of the stop list and no city's name ("MUNICH"). */
    static boolean isLocator(String code) {
        return code.length() == 6 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z') && !NOT_CODES.contains(code)
                && !Airports.isCity(code);
    }

    /**
     * Whether capitals read as a locator are a word of the mail itself, printed in small letters elsewhere
     * ("Reservation: BERGER" in a mail to "Anna Berger") or a name ("BERGER/ANNA"): a locator is in no sentence.
     */
    static boolean isWordOf(String code, List<String> lines) {
        String lower = code.toLowerCase(java.util.Locale.ROOT);
        String word = code.charAt(0) + lower.substring(1);
        Pattern named = Pattern.compile("(?<![\\p{L}\\d])(?:" + word + "|" + lower + "|" + code + "(?=/))(?![\\p{L}\\d])");
        for (String line : lines) {
            if (line.length() <= 2000 && (line.contains(word) || line.contains(lower) || line.contains(code + "/"))
                    && named.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A reference label in the middle of a sentence, the code right after it: "Ihre Buchung mit dem Buchungscode
     * Q7WERZ ist bestätigt", "votre réservation (référence ABCDEF) est confirmée", "Le confirmamos que su localizador
     * es ABCDEF", "il codice di prenotazione è K7Q2MX". An airline's designator may lead the code ("LH/ZXCVBN").
     */
    private static final Pattern IN_SENTENCE = Pattern.compile("(?iu)(?<![\\p{L}\\d])" + LABEL
            // "Booking Ref. No.: K7Q2MX", "Buchungsnummer (PNR) ABC12D"
            + "\\.?(?:\\s*(?:no|nr|n°|nº)\\.?)?(?:\\s*\\((?-i:[A-Z]{2,5})\\))?(?:\\s*[:#=]|\\s+(?:is|est|ist|es|lautet|è|was|war|era|fue|était"
            + "|wurde|reads)(?:\\s*:)?)?\\s*" + DESIGNATOR + "(?<![\\p{L}\\d])" + LOOSE_CODE);
    /**
     * "Ref" or "Reference" qualified by whose it is: a reservation system's, an airline's (by name or designator),
     * a carrier's: "Amadeus Ref: QWERTZ", "Airline Ref: LH/ZXCVBN", "Lufthansa Reference K7Q2MX", "Ref. Sabre: QWERTZ".
     */
    private static final Pattern QUALIFIED_REF = Pattern.compile("(?u)(?<![\\p{L}\\d])(\\p{L}[\\p{L}&-]{1,20}"
            + "(?:\\s\\p{L}[\\p{L}&-]{1,20}){0,2})\\s+(?i:reference|référence|referencia|ref|réf|locator|loc)"
            + "(?![\\p{L}])\\.?(?:\\s*(?i:no|nr|#)\\.?)?\\s*[:#]?\\s*(?<![\\p{L}\\d])" + DESIGNATOR
            + "(?<![\\p{L}\\d])" + LOOSE_CODE);
    private static final Pattern REF_QUALIFIED = Pattern.compile("(?u)(?<![\\p{L}\\d])(?i:ref|réf)(?![\\p{L}])\\.?\\s+"
            + "(\\p{L}[\\p{L}&-]{1,20}(?:\\s\\p{L}[\\p{L}&-]{1,20})?)\\s*:\\s*" + DESIGNATOR + LOOSE_CODE);
    /** Whose a "Ref" may be: reservation systems and the words for an airline or a booking. */
    private static final java.util.Set<String> REF_OWNERS = java.util.Set.of("amadeus", "sabre", "galileo", "apollo",
            "worldspan", "travelport", "gds", "crs", "airline", "carrier", "agency", "booking", "reservation",
            "confirmation", "pnr", "trip", "itinerary", "flight", "compagnie", "aerolínea", "aerolinea",
            "fluggesellschaft", "airline booking", "compagnie aérienne", "buchungs", "dossier", "réservation",
            "reserva", "vendor locator", "record");

    /** Whether the words before a "Ref" name whose booking it is: a system, an airline, a booking word. */
    private static boolean ownsRef(String words) {
        String[] each = words.strip().split("\\s+");
        for (int n = 1; n <= each.length; n++) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(each, each.length - n, each.length));
            String lower = tail.toLowerCase(java.util.Locale.ROOT);
            if (REF_OWNERS.contains(lower) || AirlineNames.code(tail).isPresent()
                    || n == 1 && tail.length() == 2 && tail.equals(tail.toUpperCase(java.util.Locale.ROOT))
                            && Airports.airline(tail).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The booking reference the lines name in a sentence, after a qualified "Ref" or as a trip's number, when no
     * layout above read one: forms where a word, a date or a flight number could stand as well, so each code must be
     * plausible ({@link #isPlausible}) and six capitals no word of the mail itself.
     */
    static Optional<String> inSentences(List<String> lines) {
        for (String line : lines) {
            if (line.length() > 300 || !Labels.REFERENCE.isNamedIn(line)) {
                continue;
            }
            if (PROMOTION.matcher(line).find()) {
                continue; // "Use booking code SPRING27 at checkout": an offer's code, not a booking's
            }
            Matcher m = IN_SENTENCE.matcher(line);
            while (m.find()) {
                if (acceptable(m.group(1), lines)) {
                    return Optional.of(m.group(1));
                }
            }
        }
        for (String line : lines) {
            if (line.length() > 300 || !mayNameRef(line)) {
                continue;
            }
            // "Amadeus Ref: QWERTZ", then "Ref. Sabre: QWERTZ": group 1 is whose, group 2 the code
            for (Pattern qualified : List.of(QUALIFIED_REF, REF_QUALIFIED)) {
                Matcher m = qualified.matcher(line);
                while (m.find()) {
                    if (ownsRef(m.group(1)) && acceptable(m.group(2), lines)) {
                        return Optional.of(m.group(2));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Words of an offer, whose code is a discount's: "Use booking code SPRING27 at checkout", "Gutscheincode". */
    private static final Pattern PROMOTION = Pattern.compile("(?iu)(?<![\\p{L}])(?:use|enter|apply|redeem|promo|"
            + "promotion|promotional|voucher|coupon|discount|offer|sale|checkout|save|gutschein|gutscheincode|rabatt|"
            + "aktion|aktionscode|einlösen|code promo|réduction|remise|bon de réduction|descuento|cupón|cupon|promoción"
            + "|oferta|sconto|offerta|korting|kortingscode)(?![\\p{L}])");

    private static boolean mayNameRef(String line) {
        String folded = Labels.fold(line);
        return folded.contains("ref") || folded.contains("réf") || folded.contains("loc");
    }

    /** A plausible code; a number of 6 to 12 digits (a hotel's, a trip's); six capitals no word of the mail. */
    static boolean acceptable(String code, List<String> lines) {
        if (code.chars().allMatch(Character::isDigit)) {
            return code.length() >= 6 && code.length() <= 12;
        }
        return isPlausible(code) && (code.chars().anyMatch(Character::isDigit) || !isWordOf(code, lines));
    }

    /** The first booking reference the lines print in one of these layouts; only lines naming a reference label. */
    static Optional<String> in(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 300 || !Labels.REFERENCE.isNamedIn(line)) {
                continue;
            }
            Matcher m = AROUND_LABEL.matcher(line);
            if (m.find() && isCode(m.group(1))) {
                return Optional.of(m.group(1));
            }
            m = CODE_BEFORE_LABEL.matcher(line);
            if (m.find() && isCode(m.group(1))) {
                return Optional.of(m.group(1));
            }
            if (i + 1 >= lines.size()) {
                continue;
            }
            if (LABEL_ALONE.matcher(line).matches()) {
                Matcher next = CODE_CELL.matcher(lines.get(i + 1));
                if (next.matches() && isCode(next.group(1))) {
                    return Optional.of(next.group(1));
                }
            }
            Optional<String> column = underHeader(line, lines.get(i + 1));
            if (column.isEmpty() && Labels.REFERENCE.isBare(line)) {
                column = afterHeaderCells(lines, i);
            }
            if (column.isPresent()) {
                return column;
            }
        }
        for (String line : lines) {
            if (line.length() <= 300 && Labels.REFERENCE_WORD.isNamedIn(line)) {
                Matcher m = CONFIRMED_CODE.matcher(line);
                if (m.find()) {
                    String code = m.group(1) != null ? m.group(1) : m.group(2);
                    if (code.chars().anyMatch(Character::isDigit) && code.chars().anyMatch(Character::isLetter)) {
                        return Optional.of(code);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The value in the row below a header row, in the column of the header's reference label. */
    private static Optional<String> underHeader(String header, String row) {
        if (header.indexOf('\t') < 0 || row.indexOf('\t') < 0) {
            return Optional.empty();
        }
        String[] names = header.split("\t");
        String[] values = row.split("\t");
        if (names.length != values.length) {
            return Optional.empty();
        }
        for (int column = 0; column < names.length; column++) {
            if (Labels.REFERENCE.isBare(names[column])) {
                Matcher m = CODE_CELL.matcher(values[column]);
                return m.matches() && isCode(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A table's header cell as the HTML's lines give it, one cell a line: a few words, no figure. */
    private static final Pattern HEADER_CELL = Pattern.compile("(?=.*[\\p{Ll} ])\\p{Lu}[\\p{L}'’ ./-]{1,38}");
    private static final int MOST_COLUMNS = 8;

    /**
     * The value in the row below when the header row's cells are lines of their own ("Booking reference", "Booking
     * date", "Total price", then "6TQ8WX", "27/11/2026", "EUR 420.00"): the label's place among the header cells is
     * its value's place among the cells after them. Where the header row begins is not marked (a heading above it
     * looks like a cell): each start from the label back is tried, the nearest first, and only a code is taken.
     */
    private static Optional<String> afterHeaderCells(List<String> lines, int label) {
        int end = label + 1;
        while (end < lines.size() && end - label < MOST_COLUMNS && isHeaderCell(lines.get(end))) {
            end++;
        }
        for (int first = label; first >= 0 && end - first <= MOST_COLUMNS; first--) {
            if (first < label && !isHeaderCell(lines.get(first))) {
                break;
            }
            int at = end + (label - first);
            if (end - first < 2 || at >= lines.size()) {
                continue;
            }
            Matcher m = CODE_CELL.matcher(lines.get(at));
            if (m.matches() && isCode(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean isHeaderCell(String line) {
        return HEADER_CELL.matcher(line.strip()).matches();
    }

    /** A code, not a word in capitals: a digit in it, or six letters as reservation systems' locators have. */
    private static boolean isCode(String code) {
        return code.chars().anyMatch(Character::isDigit) || code.length() == 6;
    }
}
