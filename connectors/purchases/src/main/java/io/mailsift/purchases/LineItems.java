package io.mailsift.purchases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.purchases.money.CurrencyHint;
import io.mailsift.purchases.money.Money;
import io.mailsift.purchases.money.MoneyMatch;
import io.mailsift.purchases.money.MoneyParser;
import org.jspecify.annotations.Nullable;

/**
 * The line items of a receipt: the lines above its summary that give a name and a price, with the quantity the line
 * gives ("2 x", "x 2", "Qty: 2", "Menge: 2", "Quantité : 2", a cell holding a small number), in a table row (cells
 * split by tabs) or in plain text; or stacked, the name on one line and its quantity and price on the next ones.
 *
 * <p>Whether a line's single price is the unit price or the line's total is settled by the receipt's subtotal
 * (or total): whichever reading adds up to it; else by the words "each", "je", "l'unité" or a column header; else
 * the price is taken as the unit price.
 */
final class LineItems {

    /** A quantity with its label, before or after the name. */
    private static final Pattern QUANTITY_LABEL = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:qty|quantity|menge|anzahl|qt[ée]|quantit[ée]|st[üu]ckzahl|nombre)\\s*[:.]?\\s*(\\d{1,3})(?!\\d)");
    private static final Pattern QUANTITY_TIMES_BEFORE = Pattern.compile(
            "(?U)^(\\d{1,3})\\s*(?:[x×]|stk\\.?|st[üu]ck|pcs?\\.?)(?=\\s)");
    private static final Pattern QUANTITY_TIMES_AFTER = Pattern.compile(
            "(?U)(?<=\\s)[x×]\\s?(\\d{1,3})(?!\\d)|(?<=\\s)(\\d{1,3})\\s?[x×](?=\\s*$)");
    /** "2 x $12.00", "2 × 12,00 €": a quantity times the unit price. */
    private static final Pattern TIMES_PRICE = Pattern.compile("(?U)(\\d{1,3})\\s?[x×@]\\s*$");
    private static final Pattern EACH = Pattern.compile(
            "(?iU)^\\s*(?:/\\s*(?:ea|each|unit|pc|stk|st[üu]ck)\\b|each\\b|ea\\.|je\\b|pro\\s+st[üu]ck|l['’]unit[ée]|/\\s*u\\b)");
    static final Pattern UNIT_PRICE_HEADER = Pattern.compile(
            "(?iU)\\b(?:unit\\s+price|price\\s+each|each|einzelpreis|st[üu]ckpreis|prix\\s+unitaire|p\\.\\s?u\\.)");
    static final WordStartSearch UNIT_PRICE_HEADER_WORD = new WordStartSearch(UNIT_PRICE_HEADER, "upes");
    /** Words of sentences, payment lines and headings, not of product names. */
    static final Pattern NOT_A_PRODUCT = Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:your|you|votre|vos|vous|ihre?|sie|thank|thanks|merci|danke|order|orders|commande"
                    + "|bestellung|payment|paid|pay[ée]|bezahlt|card|visa|mastercard|amex|paypal|ending|endet|balance"
                    + "|refund|save|saved|sparen|[ée]conomisez|off|was|now|only|from|ab|d[èe]s|per\\s+month|/month"
                    + "|mois|monat|tracking|estimated|total|subtotal|tax|shipping|versand|livraison|rabatt|discount"
                    + "|price|prix|preis|artikelpreis|einzelpreis|betrag|montant|amount|sold\\s+by|verkauft|vendu)(?![\\p{L}])");
    static final WordStartSearch NOT_A_PRODUCT_WORD = new WordStartSearch(NOT_A_PRODUCT, "yvistmdocbpaerwnfl/é");
    private static final Pattern CELL_SPLIT = Pattern.compile("\\t+|\\s{3,}|\\s\\|\\s");
    private static final Pattern LETTERS = Pattern.compile("(?U)\\p{L}{2,}");
    private static final Pattern PRICE_LABEL = Pattern.compile(
            "(?iU)^(?:(?:item\\s+|unit\\s+)?price(?:\\s+each)?|artikelpreis|einzelpreis|st[üu]ckpreis|preis"
                    + "|prix(?:\\s+unitaire|\\s+de\\s+l['’]article)?|amount|betrag|montant)\\s*[:.]?\\s*");
    private static final int MOST_WORDS = 14;
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern SHORT_WORD = Pattern.compile("(?iU)[\\p{L}.]{1,6}");
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("[()\\[\\]]+$");
    private static final Pattern ABBREVIATION_AT_END = Pattern.compile("(?s).*\\b\\p{L}{1,4}\\.$");

    private LineItems() {
    }

    /**
     * An item as the receipt lists it.
     *
     * @param price       its price as printed, unit or line total until settled; null when the mail prints none
     *                    (a shipping notice's "2 x Trail Jacket")
     * @param quantityMarked whether the line marks its quantity ("2 x", "Qty: 2") rather than a cell holding a number
     */
    record Item(String name, int quantity, @Nullable Money price, boolean priceIsUnit, boolean priceIsLine,
            boolean quantityMarked) {

        Item(String name, int quantity, @Nullable Money price, boolean priceIsUnit, boolean priceIsLine) {
            this(name, quantity, price, priceIsUnit, priceIsLine, true);
        }

        @Nullable Money unitPrice(boolean linePrices) {
            if (price == null || priceIsUnit || !linePrices && !priceIsLine || quantity == 1) {
                return price;
            }
            BigDecimal unit = price.amount().divide(BigDecimal.valueOf(quantity), 6, RoundingMode.UNNECESSARY);
            return new Money(unit, price.currency());
        }
    }

    /**
     * The items in {@code lines[0, end)}, their prices settled against {@code sum} (the subtotal, else the total)
     * when given.
     */
    static List<Item> read(List<String> lines, int end, CurrencyHint hint, @Nullable Money sum) {
        return read(lines, end, hint, sum, false);
    }

    /**
     * As {@link #read(List, int, CurrencyHint, Money)}; with {@code markedOnly} (a mail without summary, such as a
     * shipping notice, where a price alone makes no item), only lines that mark a quantity.
     */
    static List<Item> read(List<String> lines, int end, CurrencyHint hint, @Nullable Money sum, boolean markedOnly) {
        boolean[] summaryLines = new boolean[end];
        for (int i = 0; i < end; i++) {
            summaryLines[i] = SummaryLine.of(lines.get(i)).isPresent();
        }
        return read(lines, end, hint, sum, markedOnly, summaryLines);
    }

    /**
     * As {@link #read(List, int, CurrencyHint, Money, boolean)}, with which lines are {@link SummaryLine}s already
     * known ({@code summaryLines[i]}: whether {@code SummaryLine.of(lines.get(i))} is present), as the glance at the
     * mail found them.
     */
    static List<Item> read(List<String> lines, int end, CurrencyHint hint, @Nullable Money sum, boolean markedOnly,
            boolean[] summaryLines) {
        List<Item> items = new ArrayList<>();
        String pendingName = null;
        int pendingQuantity = 0;
        int pricelessAt = -1;
        int stackedAt = -1;
        boolean unitHeader = false;
        for (int i = 0; i < end; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (summaryLines[i] || TextPurchaseExtractor.hasOrderNumberLabel(line)) {
                pendingName = null;
                continue;
            }
            List<MoneyMatch> amounts = amounts(line, hint);
            if (amounts.isEmpty()) {
                if (UNIT_PRICE_HEADER_WORD.find(line)) {
                    unitHeader = true;
                }
                Matcher quantityOnly = QUANTITY_LABEL.matcher(line);
                boolean onlyQuantity = quantityOnly.lookingAt() && quantityOnly.end() == line.length();
                if (pendingName == null && onlyQuantity && stackedAt >= 0 && stackedAt == items.size() - 1) {
                    // The quantity under the price of a stacked item: "Mug", "£9.50", "Qty: 2".
                    Item last = items.remove(stackedAt);
                    items.add(new Item(last.name(), Integer.parseInt(quantityOnly.group(1)), last.price(),
                            last.priceIsUnit(), last.priceIsLine()));
                    stackedAt = -1;
                    continue;
                }
                if (pendingName != null && onlyQuantity) {
                    pendingQuantity = Integer.parseInt(quantityOnly.group(1));
                    if (pendingQuantity > 0) {
                        // A price may follow on the next line; until then the item has none.
                        items.add(new Item(clean(pendingName), pendingQuantity, null, true, false));
                        pricelessAt = items.size() - 1;
                    }
                    continue;
                }
                Optional<Item> priceless = pricelessItem(line);
                if (priceless.isPresent()) {
                    items.add(priceless.get());
                    pendingName = null;
                } else if (looksLikeName(line)) {
                    pendingName = line;
                    pendingQuantity = 0;
                } else if (!line.contains(":")) {
                    pendingName = null; // an option line ("Colour: Black") may sit between a name and its price
                }
                continue;
            }
            // A line of quantity and price only, under a name of its own: a stacked item.
            if (pendingName != null && onlyQuantityAndPrice(line, amounts)) {
                Matcher quantity = QUANTITY_LABEL.matcher(line);
                int count = quantity.find() ? Integer.parseInt(quantity.group(1))
                        : pendingQuantity > 0 ? pendingQuantity : 1;
                if (count > 0) {
                    Money price = amounts.getFirst().money();
                    boolean unit = amounts.size() == 2 || each(line, amounts.getFirst()) || unitHeader
                            || UNIT_PRICE_HEADER_WORD.find(line);
                    if (pricelessAt == items.size() - 1 && pricelessAt >= 0
                            && items.get(pricelessAt).name().equals(clean(pendingName))) {
                        items.remove(pricelessAt);
                    }
                    items.add(new Item(clean(pendingName), count, price, unit, false));
                    stackedAt = quantity.find(0) || pricelessAt >= 0 || pendingQuantity > 0 ? -1 : items.size() - 1;
                }
                pendingName = null;
                pricelessAt = -1;
                continue;
            }
            Optional<Item> item = item(line, amounts, unitHeader).filter(each -> !markedOnly || each.quantityMarked());
            if (item.isPresent()) {
                items.add(item.get());
                pendingName = null;
            }
        }
        return settled(items, sum);
    }

    private static Optional<Item> item(String line, List<MoneyMatch> amounts, boolean unitHeader) {
        if (amounts.size() > 2) {
            return Optional.empty();
        }
        StringBuilder rest = new StringBuilder();
        int at = 0;
        for (MoneyMatch amount : amounts) {
            rest.append(line, at, amount.start()).append('\t');
            at = amount.end();
        }
        String before = line.substring(0, amounts.getFirst().start());
        rest.append(line.substring(at));
        int quantity = 0;
        boolean unit = false;
        boolean marked = false;
        Matcher times = TIMES_PRICE.matcher(before);
        if (times.find()) {
            quantity = Integer.parseInt(times.group(1));
            unit = true;
            marked = true;
            rest.setLength(0);
            rest.append(before, 0, times.start()).append('\t').append(line.substring(amounts.getLast().end()));
        }
        String text = rest.toString();
        if (quantity == 0) {
            Matcher labelled = QUANTITY_LABEL.matcher(text);
            Matcher leading = QUANTITY_TIMES_BEFORE.matcher(text.strip());
            Matcher trailing = QUANTITY_TIMES_AFTER.matcher(text);
            marked = true;
            if (labelled.find()) {
                quantity = Integer.parseInt(labelled.group(1));
                text = text.substring(0, labelled.start()) + "\t" + text.substring(labelled.end());
            } else if (leading.find()) {
                quantity = Integer.parseInt(leading.group(1));
                text = text.strip().substring(leading.end());
            } else if (trailing.find()) {
                quantity = Integer.parseInt(trailing.group(1) != null ? trailing.group(1) : trailing.group(2));
                text = text.substring(0, trailing.start()) + "\t" + text.substring(trailing.end());
            } else {
                marked = false;
            }
        }
        String name = null;
        for (String cell : CELL_SPLIT.split(text)) {
            String trimmed = cell.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (quantity == 0 && SMALL_NUMBER.matcher(trimmed).matches()) {
                quantity = Integer.parseInt(trimmed);
            } else if (name == null && LETTERS.matcher(trimmed).find()) {
                name = trimmed;
            } else if (LETTERS.matcher(trimmed).find() && !SHORT_WORD.matcher(trimmed).matches()) {
                return Optional.empty(); // two texts on a line: a sentence or a layout this reading does not know
            }
        }
        if (name == null || quantity == 0 && amounts.size() == 2 && !sameAmount(amounts)) {
            quantity = quantity == 0 ? 1 : quantity;
        }
        if (name == null || !looksLikeName(name)) {
            return Optional.empty();
        }
        quantity = Math.max(quantity, 1);
        Money first = amounts.getFirst().money();
        if (amounts.size() == 2) {
            Money second = amounts.getLast().money();
            if (!first.currency().equals(second.currency())) {
                return Optional.empty();
            }
            // Unit price and line total: the first times the quantity is the second.
            boolean consistent = first.amount().multiply(BigDecimal.valueOf(quantity)).compareTo(second.amount()) == 0;
            if (!consistent) {
                return Optional.empty();
            }
            return Optional.of(new Item(clean(name), quantity, first, true, false, marked));
        }
        boolean each = unit || each(line, amounts.getFirst()) || unitHeader;
        return Optional.of(new Item(clean(name), quantity, first, each, false, marked));
    }

    /** A line that marks a quantity and names a product but prints no price: "2 x Trail Jacket", "Mug (Qty: 1)". */
    private static Optional<Item> pricelessItem(String line) {
        if (line.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Matcher leading = QUANTITY_TIMES_BEFORE.matcher(line);
        Matcher labelled = QUANTITY_LABEL.matcher(line);
        Matcher trailing = QUANTITY_TIMES_AFTER.matcher(line);
        int quantity;
        String name;
        if (leading.find()) {
            quantity = Integer.parseInt(leading.group(1));
            name = line.substring(leading.end());
        } else if (labelled.find() && labelled.start() > 0) {
            quantity = Integer.parseInt(labelled.group(1));
            name = line.substring(0, labelled.start()) + "\t" + line.substring(labelled.end());
        } else if (trailing.find()) {
            quantity = Integer.parseInt(trailing.group(1) != null ? trailing.group(1) : trailing.group(2));
            name = line.substring(0, trailing.start()) + "\t" + line.substring(trailing.end());
        } else {
            return Optional.empty();
        }
        String[] cells = CELL_SPLIT.split(name.strip());
        String cleaned = clean(TRAILING_BRACKETS.matcher(cells[0]).replaceAll(""));
        if (quantity < 1 || cells.length > 2 || cells.length == 2 && !cells[1].isBlank()
                && LETTERS.matcher(cells[1]).find() || !looksLikeName(cleaned)) {
            return Optional.empty();
        }
        return Optional.of(new Item(cleaned, quantity, null, true, false));
    }

    /**
     * The amounts of a line, a dash between a word and an amount read as the separator it is ("Mug – £9.50",
     * "Total — 12,00 €"), not as a minus: only a dash right before the amount ("-£5.00") makes it negative.
     */
    static List<MoneyMatch> amounts(String line, CurrencyHint hint) {
        List<MoneyMatch> found = MoneyParser.find(line, hint);
        if (found.stream().noneMatch(match -> match.money().isNegative())) {
            return found;
        }
        List<MoneyMatch> read = new ArrayList<>();
        for (MoneyMatch match : found) {
            int at = match.start();
            boolean separator = match.money().isNegative() && "-–—−".indexOf(line.charAt(at)) >= 0
                    && at + 1 < line.length() && Character.isSpaceChar(line.charAt(at + 1))
                    && at > 0 && Character.isSpaceChar(line.charAt(at - 1));
            read.add(separator ? new MoneyMatch(match.money().negate(), at + 1, match.end()) : match);
        }
        return read;
    }

    private static boolean sameAmount(List<MoneyMatch> amounts) {
        return amounts.getFirst().money().equals(amounts.getLast().money());
    }

    private static boolean each(String line, MoneyMatch amount) {
        return EACH.matcher(line.substring(amount.end())).lookingAt();
    }

    private static boolean onlyQuantityAndPrice(String line, List<MoneyMatch> amounts) {
        String rest = line;
        for (MoneyMatch amount : amounts.reversed()) {
            rest = rest.substring(0, amount.start()) + " " + rest.substring(amount.end());
        }
        rest = QUANTITY_LABEL.matcher(rest).replaceAll(" ");
        rest = PRICE_LABEL.matcher(rest.strip()).replaceFirst("");
        rest = EACH.matcher(rest).replaceAll(" ");
        return !LETTERS.matcher(rest).find() && amounts.size() <= 2;
    }

    /** A product name: letters, a few words, no sentence, no label, no payment or marketing words. */
    private static boolean looksLikeName(String text) {
        String name = clean(text);
        if (name.length() < 3 || name.length() > 120 || !LETTERS.matcher(name).find()) {
            return false;
        }
        if (name.endsWith(":") || name.endsWith(".") && !ABBREVIATION_AT_END.matcher(name).matches()
                || name.endsWith("!") || name.endsWith("?")) {
            return false;
        }
        // clean() leaves no white space at the ends and one space between words: the words are the spaces plus one.
        if (spaces(name) + 1 > MOST_WORDS || NOT_A_PRODUCT_WORD.find(name)) {
            return false;
        }
        return !name.contains("@") && !name.contains("http") && !name.contains("www.");
    }

    private static int spaces(String name) {
        int spaces = 0;
        for (int at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) {
            spaces++;
        }
        return spaces;
    }

    /**
     * {@code name} without the separators and bullets around it, its white space runs made one space. Written out
     * by hand, as the patterns {@code (?U)^[\\s\\-–—:|•*·,]+|[\\s\\-–—:|•*·,(]+$} and {@code \\s+} would do it: it
     * runs for every line that may be an item.
     */
    private static String clean(String name) {
        int from = 0;
        int to = name.length();
        while (from < to && isTrimmed(name.charAt(from))) {
            from++;
        }
        while (to > from && (isTrimmed(name.charAt(to - 1)) || name.charAt(to - 1) == '(')) {
            to--;
        }
        StringBuilder cleaned = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            if (isAsciiSpace(c)) {
                if (i == from || !isAsciiSpace(name.charAt(i - 1))) {
                    cleaned.append(' ');
                }
            } else {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    /** The characters {@link #clean} takes off both ends: Unicode white space, dashes, colons, bars, bullets, commas. */
    private static boolean isTrimmed(char c) {
        return isUnicodeSpace(c) || "-–—:|•*·,".indexOf(c) >= 0;
    }

    /** {@code \\s} with {@code UNICODE_CHARACTER_CLASS}: the White_Space property. */
    private static boolean isUnicodeSpace(char c) {
        return (((1 << Character.SPACE_SEPARATOR) | (1 << Character.LINE_SEPARATOR) | (1 << Character.PARAGRAPH_SEPARATOR))
                >> Character.getType(c) & 1) != 0 || c >= 0x9 && c <= 0xd || c == 0x85;
    }

    /** {@code \\s} without flags. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * The unit prices, read as the receipt's sum says: if the prices as line totals add up to it and as unit prices
     * do not, they are line totals.
     */
    private static List<Item> settled(List<Item> items, @Nullable Money sum) {
        if (items.isEmpty()) {
            return items;
        }
        boolean linePrices = false;
        if (sum != null && items.stream().allMatch(i -> i.price() != null)
                && items.stream().anyMatch(i -> i.quantity() > 1 && !i.priceIsUnit())) {
            BigDecimal asUnits = BigDecimal.ZERO;
            BigDecimal asLines = BigDecimal.ZERO;
            for (Item item : items) {
                asLines = asLines.add(item.priceIsUnit()
                        ? item.price().amount().multiply(BigDecimal.valueOf(item.quantity())) : item.price().amount());
                asUnits = asUnits.add(item.price().amount().multiply(BigDecimal.valueOf(item.quantity())));
            }
            linePrices = asLines.compareTo(sum.amount()) == 0 && asUnits.compareTo(sum.amount()) != 0;
        }
        List<Item> settled = new ArrayList<>();
        for (Item item : items) {
            try {
                settled.add(new Item(item.name(), item.quantity(), item.unitPrice(linePrices), true, false,
                        item.quantityMarked()));
            } catch (ArithmeticException notExact) {
                settled.add(new Item(item.name(), item.quantity(), item.price(), true, false, item.quantityMarked()));
            }
        }
        return settled;
    }
}
