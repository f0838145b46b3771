package io.mailsift.purchases;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label/value lines of a receipt's summary ("Subtotal $165.00", "dont TVA (20 %) 3,33 €", "Versand: kostenlos"),
 * each told by the label it starts with, in English, German and French. A label counts only at the start of a line
 * (a table row is one line, its cells separated by tabs) and only as a whole word: "Taxi" is no tax.
 */
enum SummaryLine {

    /** What was charged to a means of payment: the total of a receipt that labels none. */
    CHARGED("paid\\s+with|charged\\s+to|visa|mastercard|amex|american\\s+express|paypal|apple\\s+pay|google\\s+pay"
            + "|carte\\s+bancaire|bezahlt\\s+mit|pay[ée]\\s+(?:avec|par)|montant\\s+d[ée]bit[ée]|abgebucht"),
    /** Lines that carry an amount but are neither items nor one of the amounts the order keeps. */
    OTHER("total\\s+(?:before|excl\\.?|excluding|avant|hors|ht\\b)|sous-total\\s+ht|total\\s+ht|netto|nettobetrag"
            + "|tips?|pourboire|trinkgeld|service\\s+fee|booking\\s+fee|small\\s+order\\s+fee|bag\\s+fee"
            + "|frais\\s+de\\s+service|servicegeb[üu]hr|gift\\s+card|geschenkgutschein|carte\\s+cadeau|paid\\s+with"
            + "|payment|zahlung|zahlungsart|paiement|moyen\\s+de\\s+paiement|balance|solde|guthaben|points|punkte"
            + "|you\\s+saved|sie\\s+sparen|vous\\s+[ée]conomisez|rounding|deposit|pfand|credit|avoir"),
    REFUND("(?:total\\s+)?refund(?:ed)?(?:\\s+(?:total|amount))?|amount\\s+refunded|erstattungsbetrag|erstattet"
            + "|r[üu]ckerstattung|gutschrift|montant\\s+rembours[ée]|rembours[ée]ment|rembours[ée]"),
    TAX_TOTAL("total\\s+(?:tax|vat|taxes)|tax\\s+total"),
    SUBTOTAL("sub-?\\s?total|items?\\s+subtotal|item\\(s\\)\\s+subtotal|merchandise(?:\\s+subtotal)?|items\\s+total"
            + "|zwischensumme|warenwert|artikelsumme|summe\\s+(?:der\\s+)?artikel|sous-total|total\\s+(?:des\\s+)?articles?"
            + "|montant\\s+des\\s+articles|total\\s+produits?"),
    SHIPPING("shipping(?:\\s*(?:&|and)\\s*handling|\\s+costs?|\\s+fee)?|delivery(?:\\s+(?:fee|charge|costs?))?"
            + "|postage(?:\\s*(?:&|and)\\s*packing)?|p\\s*&\\s*p|versand(?:kosten|geb[üu]hr)?|lieferung|liefergeb[üu]hr"
            + "|lieferkosten|zustellgeb[üu]hr|livraison|frais\\s+de\\s+(?:port|livraison|d'envoi|d’envoi)|exp[ée]dition"),
    DISCOUNT("discount|promo(?:tion)?(?:\\s+code)?|coupon|voucher|savings|gutschein|rabatt|nachlass|aktionsrabatt"
            + "|remise|r[ée]duction|code\\s+promo|bon\\s+de\\s+r[ée]duction"),
    TAX("(?:estimated\\s+|sales\\s+)?tax(?:es)?|vat|mwst\\.?|ust\\.?|tva|taxe|dont\\s+tva|(?:incl(?:uding|udes|\\.)?|inkl\\.?"
            + "|inklusive|enthaltene|davon|im\\s+betrag\\s+enthaltene|includes)\\s+(?:\\d{1,2}(?:[.,]\\d)?\\s?%\\s+)?"
            + "(?:vat|mwst\\.?|ust\\.?|tva|tax|umsatzsteuer|mehrwertsteuer)|\\d{1,2}(?:[.,]\\d)?\\s?%\\s+(?:vat|mwst\\.?|ust\\.?|tva)"
            + "|umsatzsteuer|mehrwertsteuer"),
    TOTAL("order\\s+total|grand\\s+total|total\\s+amount|total\\s+charged|total\\s+paid|total\\s+ttc|total\\s+[àa]\\s+payer"
            + "|total\\s+pay[ée]|total|amount\\s+paid|amount\\s+charged|you\\s+paid|montant\\s+total(?:\\s+ttc)?"
            + "|montant\\s+pay[ée]|montant\\s+r[ée]gl[ée]|net\\s+[àa]\\s+payer|gesamtbetrag|gesamtsumme|gesamtpreis|gesamt"
            + "|endbetrag|summe|rechnungsbetrag|zu\\s+zahlen|bezahlt|zahlbetrag");

    private static final SummaryLine[] IN_ORDER = values();

    /** Below this character, {@link #STARTING_WITH} says which labels a line starting with it may have. */
    private static final int PROBED = 0x300;
    /**
     * The kinds whose label may start with each character below {@link #PROBED}, in order: each line then tries only
     * those labels, not all nine. Found by asking each label's pattern about the character alone: a pattern that
     * fails without reaching the end of a one-character input can match no line starting with it.
     */
    private static final List<List<SummaryLine>> STARTING_WITH = startingWith();

    private static final Pattern FREE = Pattern.compile(
            "(?iU)(?:free|gratuit(?:e)?|offerte?s?|kostenlos|gratis|kostenfrei|inclus|inklusive)\\b.*");

    private final Pattern label;

    SummaryLine(String label) {
        this.label = Pattern.compile("(?iU)(?:" + label + ")(?![\\p{L}\\p{N}])");
    }

    /** The kind of summary line {@code line} (stripped) is, by the label it starts with; empty for other lines. */
    static Optional<Labelled> of(String line) {
        if (line.isEmpty() || !Character.isLetterOrDigit(line.charAt(0)) || line.length() > 160) {
            return Optional.empty();
        }
        char first = line.charAt(0);
        List<SummaryLine> kinds = first >= PROBED ? List.of(IN_ORDER)
                : line.length() > 1 && first < PAIRED && line.charAt(1) < PAIRED ? startingWith(first, line.charAt(1))
                : STARTING_WITH.get(first);
        for (SummaryLine kind : kinds) {
            Matcher matcher = kind.label.matcher(line);
            if (matcher.lookingAt()) {
                return Optional.of(new Labelled(kind, line.substring(matcher.end())));
            }
        }
        return Optional.empty();
    }

    /** Below this character, {@link #startingWith(char, char)} tells the kinds by a line's first two characters. */
    private static final int PAIRED = 0x80;
    /**
     * The kinds whose label may start with two characters below {@link #PAIRED} ({@code first * PAIRED + second}),
     * probed as {@link #STARTING_WITH} is, the first time a line starts so: most lines ("The", "Your", "Hi") then
     * try none.
     */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<List<SummaryLine>> STARTING_WITH_PAIR =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(PAIRED * PAIRED);

    private static List<SummaryLine> startingWith(char first, char second) {
        int index = first * PAIRED + second;
        List<SummaryLine> kinds = STARTING_WITH_PAIR.get(index);
        if (kinds == null) {
            String start = new String(new char[] {first, second});
            List<SummaryLine> starting = new java.util.ArrayList<>();
            for (SummaryLine kind : STARTING_WITH.get(first)) {
                Matcher matcher = kind.label.matcher(start);
                if (matcher.lookingAt() || matcher.hitEnd()) {
                    starting.add(kind);
                }
            }
            kinds = List.copyOf(starting);
            STARTING_WITH_PAIR.set(index, kinds); // two threads may both probe: they find the same
        }
        return kinds;
    }

    /** What {@link #of} answers, every label tried in order: its specification, for tests. */
    static Optional<Labelled> byEveryLabel(String line) {
        if (line.isEmpty() || !Character.isLetterOrDigit(line.charAt(0)) || line.length() > 160) {
            return Optional.empty();
        }
        for (SummaryLine kind : IN_ORDER) {
            Matcher matcher = kind.label.matcher(line);
            if (matcher.lookingAt()) {
                return Optional.of(new Labelled(kind, line.substring(matcher.end())));
            }
        }
        return Optional.empty();
    }

    private static List<List<SummaryLine>> startingWith() {
        List<List<SummaryLine>> kinds = new java.util.ArrayList<>(PROBED);
        for (char c = 0; c < PROBED; c++) {
            List<SummaryLine> starting = new java.util.ArrayList<>();
            for (SummaryLine kind : IN_ORDER) {
                Matcher matcher = kind.label.matcher(String.valueOf(c));
                if (matcher.lookingAt() || matcher.hitEnd()) {
                    starting.add(kind);
                }
            }
            kinds.add(List.copyOf(starting));
        }
        return List.copyOf(kinds);
    }

    /** Whether a value says the amount is nothing: "Free", "kostenlos", "offerte". */
    static boolean isFree(String value) {
        return FREE.matcher(value.strip()).matches();
    }

    /**
     * A summary line.
     *
     * @param kind what its label says it is
     * @param rest everything after the label: a rate or note ("(20 %)", "incl. VAT"), then the amount if on the line
     */
    record Labelled(SummaryLine kind, String rest) {
    }

    /** The kinds whose amount an order keeps. */
    static final List<SummaryLine> KEPT = List.of(SUBTOTAL, SHIPPING, DISCOUNT, TAX, TAX_TOTAL, TOTAL, REFUND, CHARGED);
}
