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

    private ReferenceLayouts() {
    }

    /** The six-letter locator a subject prints after a label that names a code. */
    static Optional<String> inSubject(String subject) {
        Matcher m = SUBJECT_LOCATOR.matcher(subject);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
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
