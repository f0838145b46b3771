package io.mailsift.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The connector's faster searches answer exactly as {@code find()} of the regular expressions they stand for. */
class PurchaseSpeedPathsTest {

    /** A search and one spelling of each alternative of its pattern. */
    record Case(String name, WordStartSearch search, List<String> words) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> searches() {
        return List.of(
                new Case("German or French", TextPurchaseExtractor.GERMAN_OR_FRENCH_WORD,
                        List.of("ihre", "bestellung", "vielen", "votre", "commande", "merci")),
                new Case("date label", TextPurchaseExtractor.DATE_LABEL_WORD,
                        List.of("order date", "date ordered", "ordered on", "order placed", "placed on",
                                "purchase date", "date of purchase", "invoice date", "receipt date", "billed on", "date",
                                "bestelldatum", "bestellt am", "bestellung vom", "auftragsdatum", "rechnungsdatum",
                                "kaufdatum", "datum", "date de commande", "commandée le", "commande du", "passée le",
                                "date d'achat", "date de facturation")),
                new Case("unit price header", LineItems.UNIT_PRICE_HEADER_WORD,
                        List.of("unit price", "price each", "each", "einzelpreis", "stückpreis", "stuckpreis",
                                "prix unitaire", "p. u.", "p.u.")),
                new Case("not a product", LineItems.NOT_A_PRODUCT_WORD,
                        List.of("your", "you", "votre", "vos", "vous", "ihr", "ihre", "sie", "thank", "thanks", "merci",
                                "danke", "order", "orders", "commande", "bestellung", "payment", "paid", "payé", "paye",
                                "bezahlt", "card", "visa", "mastercard", "amex", "paypal", "ending", "endet", "balance",
                                "refund", "save", "saved", "sparen", "économisez", "economisez", "off", "was", "now",
                                "only", "from", "ab", "dès", "des", "per month", "/month", "mois", "monat", "tracking",
                                "estimated", "total", "subtotal", "tax", "shipping", "versand", "livraison", "rabatt",
                                "discount", "price", "prix", "preis", "artikelpreis", "einzelpreis", "betrag", "montant",
                                "amount", "sold by", "verkauft", "vendu")));
    }

    @ParameterizedTest
    @MethodSource("searches")
    void shouldTakeAsAFirstLetterEveryCharacterThePatternBeginsAMatchWith(Case search) {
        List<Character> missed = new ArrayList<>();
        // Whether a character matches an alternative's first letter does not depend on the rest of the alternative:
        // one alternative per first letter is enough.
        java.util.Map<Character, String> byFirstLetter = new java.util.LinkedHashMap<>();
        search.words().forEach(word -> byFirstLetter.putIfAbsent(word.charAt(0), word));
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            for (String word : byFirstLetter.values()) {
                String candidate = (char) c + word.substring(1);
                if (search.search().pattern().matcher(candidate).lookingAt() && !search.search().mayStart((char) c)) {
                    missed.add((char) c);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    /** Every match, as a find() loop that goes on from the end of each match finds them. */
    private static List<String> matches(WordStartSearch search, String text) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher matcher = search.matcher(text);
        for (int from = 0; search.find(matcher, text, from); from = matcher.end()) {
            found.add(matcher.start() + "-" + matcher.end());
        }
        return found;
    }

    @ParameterizedTest
    @MethodSource("searches")
    void shouldFindAMatchExactlyWhereThePatternDoes(Case search) {
        List<String> pieces = new ArrayList<>(List.of(" ", "\n", ".", ":", "é", "a", "Z", "x", "1", "_", "-", "İ",
                "ı", "ſ", "K", "\u0301", "\uD801\uDC00", "\uD83D\uDE00", "order", "thank you", "price", "unit"));
        for (String word : search.words()) {
            pieces.add(word);
            pieces.add(word.toUpperCase(java.util.Locale.ROOT));
            pieces.add("İ" + word.substring(1));
            pieces.add("ı" + word.substring(1));
            pieces.add("ſ" + word.substring(1));
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int run = 0; run < 30_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 9);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String sample = text.toString();
            assertThat(search.search().find(sample)).as(sample)
                    .isEqualTo(search.search().pattern().matcher(sample).find());
            assertThat(matches(search.search(), sample)).as(sample)
                    .isEqualTo(search.search().pattern().matcher(sample).results()
                            .map(match -> match.start() + "-" + match.end()).toList());
        }
    }

    /** Random texts of the phrases' words and pieces of them, in either case, among letters that fold alike. */
    private static String randomText(SplittableRandom random, List<String> pieces, int most) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(1, most);
        for (int i = 0; i < length; i++) {
            String piece = pieces.get(random.nextInt(pieces.size()));
            text.append(random.nextInt(4) == 0 ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
        }
        return text.toString();
    }

    private static final List<String> SUSPICIOUS_PIECES = List.of(" ", "  ", "\n", "\t", "\u00A0", "x", "é", "e", "a",
            "ä", "ü", "u", "i", "s", "ſ", "ı", "İ", "K", "\u212A", "\uD801\uDC00", "verify", "your", "account", "identity",
            "payment", "confirm", "payment details", "has been", "is", "was", "suspended", "limited", "locked", "on hold",
            "konto", "wurde", "wird", "gesperrt", "eingeschränkt", "bestätigen", "sie", "ihre", "vérifiez", "verifier",
            "votre", "compte", "a été", "suspendu", "bloqué", "customs", "fee", "charge", "duty", "zollgebühr", "frais",
            "de", "douane", "left", "items", "in", "cart", "basket", "bag", "still", "dans", "panier", "ihrem",
            "warenkorb", "reset", "password", "passwort", "zurücksetzen", "réinitialiser", "mot", "passe", "ri", "fi",
            "rifi", "best", "init", "ialiser", "r", "v");

    @org.junit.jupiter.api.Test
    void shouldTellSuspiciousTextsExactlyAsTheWordsTestAndThePatternDo() {
        SplittableRandom random = new SplittableRandom(11);
        java.util.regex.Pattern pattern = TextPurchaseExtractor.SUSPICIOUS;
        int suspicious = 0;
        for (int run = 0; run < 200_000; run++) {
            String sample = randomText(random, SUSPICIOUS_PIECES, 12);
            boolean expected = TextPurchaseExtractor.suspiciousByWords(sample);
            assertThat(TextPurchaseExtractor.suspicious(sample)).as(sample).isEqualTo(expected);
            if (sample.indexOf('ſ') < 0 && sample.indexOf('ı') < 0 && sample.indexOf('İ') < 0) {
                assertThat(expected).as(sample).isEqualTo(pattern.matcher(sample).find());
            }
            suspicious += expected ? 1 : 0;
        }
        assertThat(suspicious).as("samples that phish").isGreaterThan(1_000);
    }

    private static final List<String> ORDER_LABEL_PIECES = List.of(" ", ":", "#", "\t", "\n", "-", "x", "a", "é",
            "İ", "ı", "ſ", "K", "\u212A", "\uD801\uDC00", "order", "Order", "ORDER", "ordeR", "number", "no.", "nr",
            "id", "bestellung", "bestellnummer", "BESTELL", "auftrag", "auftragsnummer", "commande", "COMMANDE",
            "numéro de", "n°", "your", "for", "A1B2C3", "123-456", "98765", "ZZ-1", "ab12");

    @org.junit.jupiter.api.Test
    void shouldTellOrderNumberLabelsExactlyAsTheLowerCasedLineDoes() {
        SplittableRandom random = new SplittableRandom(5);
        int labelled = 0;
        for (int run = 0; run < 100_000; run++) {
            String sample = randomText(random, ORDER_LABEL_PIECES, 8);
            String lower = sample.toLowerCase(java.util.Locale.ROOT);
            boolean expected = List.of("order", "bestell", "auftrag", "commande").stream().anyMatch(lower::contains)
                    && TextPurchaseExtractor.ORDER_NUMBER.matcher(sample).find();
            assertThat(TextPurchaseExtractor.hasOrderNumberLabel(sample)).as(sample).isEqualTo(expected);
            labelled += expected ? 1 : 0;
        }
        assertThat(labelled).as("samples with an order number").isGreaterThan(300);
    }

    private static final List<String> SUMMARY_PIECES = List.of(" ", "\t", ":", "-", "(", "%", "1", "12", "20 %", "€",
            "$9.99", "a", "é", "ü", "ß", "İ", "ı", "ſ", "K", "\u212A", "Total", "TOTAL", "total", "Sub", "sub", "-total",
            "Subtotal", "Tax", "tax", "es", "VAT", "MwSt.", "inkl.", "incl.", "dont", "TVA", "Versand", "Shipping", "&",
            "handling", "p", "P", "&", "Discount", "Remise", "Rabatt", "Refund", "refunded", "amount", "paid", "Paid with",
            "Visa", "Tip", "Tips", "service fee", "Gesamt", "Summe", "Montant", "montant total", "Zwischensumme",
            "Livraison", "Frais de port", "Items", "item(s)", "Order total", "Grand total", "You paid", "The", "Your",
            "Hi", "items", "Merchandise", "delivery", "Delivery fee", "Taxi", "Gift card", "Net à payer");

    @org.junit.jupiter.api.Test
    void shouldLabelSummaryLinesExactlyAsEveryLabelTriedInOrderDoes() {
        SplittableRandom random = new SplittableRandom(23);
        int labelled = 0;
        for (int run = 0; run < 100_000; run++) {
            String sample = randomText(random, SUMMARY_PIECES, 6);
            java.util.Optional<SummaryLine.Labelled> expected = SummaryLine.byEveryLabel(sample);
            assertThat(SummaryLine.of(sample)).as(sample).isEqualTo(expected);
            labelled += expected.isPresent() ? 1 : 0;
        }
        assertThat(labelled).as("summary lines").isGreaterThan(5_000);
    }
}
