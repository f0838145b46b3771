package io.mailsift.purchases.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads amounts of money the way receipts write them, as exact decimals with their ISO 4217 currency.
 *
 * <p>The currency is a code before or after the number ({@code EUR 1.234,56}, {@code 1 234,56 EUR}), a symbol
 * ({@code $1,234.56}, {@code 12,99 €}, {@code US$ 12.00}, {@code ¥1,200}) or a local abbreviation ({@code CHF 1'234.50},
 * {@code 99 kr}, {@code 12 zł}). Shared symbols are settled with a {@link CurrencyHint}: {@code $} is USD unless the
 * hint's country has another dollar, {@code ¥} JPY unless the country is China or the language Chinese, {@code kr}
 * only with a Nordic country or language. A minus sign before the symbol or the number, or parentheses, make the
 * amount negative ({@code -€5.00}, {@code (5.00)}).
 *
 * <p>Separators: digits may be grouped by {@code ,} {@code .} {@code '} {@code ’} or spaces (normal, no-break
 * U+00A0, narrow no-break U+202F, thin U+2009), in groups of three after the first; the decimal separator is
 * {@code .} or {@code ,}. When both {@code .} and {@code ,} occur, the last one is the decimal separator. When only
 * one of them occurs, more than once, it groups. When it occurs once:
 * <ul>
 *   <li>followed by other than three digits, it is the decimal separator ({@code 12,99}, {@code 1234.5});</li>
 *   <li>after a space or apostrophe grouping, it is the decimal separator ({@code 1 234,567} in a currency with
 *       three minor digits; otherwise rejected below);</li>
 *   <li>followed by exactly three digits ({@code 1,234}, {@code 1.234}), it is the decimal separator only if the
 *       currency has three minor digits (BHD, KWD, JOD, OMR, TND…) or the integer part is {@code 0}
 *       ({@code 0,125}); otherwise it groups thousands, because amounts in currencies with two minor digits
 *       (or none, like JPY) are not written with three decimals: {@code $1,234} and {@code 1.234 €} are 1234.</li>
 * </ul>
 * Amounts with more decimals than three, groups that are not three digits, more than 12 integer digits, letters or
 * other signs inside ({@code 2026-11-30}, {@code 30.11.2026}, {@code +1 800 555 0199}, {@code #123456}) are no money.
 * Whole amounts may end in a dash for the minor digits, as Swiss and German receipts write them ({@code CHF 1'234.–},
 * {@code 12,- €}); then a single separator before three digits still groups ({@code 1.234,-} is 1234).
 * An amount without any currency mark ({@code (5.00)}, {@code 12,99}) is read only when the hint gives a default
 * currency and the amount has exactly that currency's minor digits, so that order numbers, quantities and years
 * are not taken for prices. Thread-safe.
 */
public final class MoneyParser {

    private static final String SPACE = "[ \\u00A0\\u202F\\u2009]";
    private static final String GROUP = "[.,'’ \\u00A0\\u202F\\u2009]";
    /** Whole units written with a dash for the minor ones, as Swiss and German receipts do: "12.–", "12,-". */
    private static final String NO_MINOR = "[.,][-–](?![-–\\d])";
    private static final String DECIMALS = "(?:[.,]\\d{1,3}|" + NO_MINOR + ")?";
    private static final String NUMBER = "\\d{1,3}(?:" + GROUP + "\\d{3})+" + DECIMALS + "|\\d+" + DECIMALS;
    private static final String SIGN = "[-−–]";
    /**
     * What may be a currency mark; {@link CurrencyMark} tells which are. Kept to a few classes rather than every
     * mark spelt out, because it is tried at the start of every word of every mail.
     */
    static final String MARK = "(?:[A-Z]{1,4}\\$|[A-Z]{2}[¥￥]|\\p{Sc}|[A-Z]{3}|[Kk]r\\.?|zł|Kč|Ft|S?Fr\\.|Rs\\.|[Ee]uros?"
            + "|元)";

    /** An amount with its currency mark before or after the number, or without one. */
    private static final String AMOUNT = "(?<open>\\()?(?:(?<sign>" + SIGN + ")" + SPACE + "?)?"
            + "(?:(?<pre>" + MARK + ")" + SPACE + "?(?<sign2>" + SIGN + ")?" + SPACE + "?(?<num1>" + NUMBER + ")"
            // A mark followed by a number is that number's ("2 €15.00" is 15.00 EUR, not 2.00).
            + "|(?<num2>" + NUMBER + ")(?:" + SPACE + "?(?<post>" + MARK + ")(?!" + SPACE + "?" + SIGN + "?\\d))?)"
            + "(?<close>\\))?";

    private static final Pattern WHOLE = Pattern.compile(AMOUNT);
    /** In running text an amount starts and ends a word: "USDT", "12.50x", "A12" and "3 ALL-IN" hold none. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(?=[-−–(\\d\\p{Sc}A-Zekz元])" + AMOUNT + "(?![\\p{L}\\p{N}]|[.,]\\d|-\\p{L})");

    private static final int MOST_INTEGER_DIGITS = 12;
    private static final Pattern NOT_A_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");
    /** The most characters before an amount's first digit: "(- CAN$ 5". */
    private static final int MOST_BEFORE_DIGIT = 9;

    private MoneyParser() {
    }

    /** {@code text} as one amount ({@code "$1,234.56"}, {@code "1 234,56 EUR"}); see the class comment for the rules. */
    public static Optional<Money> parse(String text) {
        return parse(text, CurrencyHint.none());
    }

    /** {@code text} as one amount, shared symbols and amounts without currency settled by {@code hint}. */
    public static Optional<Money> parse(String text, CurrencyHint hint) {
        Matcher matcher = WHOLE.matcher(text.strip());
        return matcher.matches() ? money(matcher, hint, true, true) : Optional.empty();
    }

    /**
     * The amounts {@code text} gives with a currency mark, in order, each with where it is. Numbers without a mark
     * are never taken in running text, whatever the hint's default currency.
     */
    public static List<MoneyMatch> find(String text, CurrencyHint hint) {
        List<MoneyMatch> found = new ArrayList<>();
        Matcher matcher = IN_TEXT.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int nextDigit = -1;
        int at = 0;
        // The pattern is tried only where an amount may start and a digit follows soon: a regex search through
        // the whole of every mail would try its alternatives at every word.
        while (at < text.length()) {
            if (nextDigit < at) {
                nextDigit = at;
                while (nextDigit < text.length() && !Character.isDigit(text.charAt(nextDigit))) {
                    nextDigit++;
                }
                if (nextDigit == text.length()) {
                    break;
                }
            }
            if (nextDigit - at > MOST_BEFORE_DIGIT) {
                at = nextDigit - MOST_BEFORE_DIGIT;
                continue;
            }
            if (!mayStartAmount(text, at) || !matcher.region(at, text.length()).lookingAt()) {
                at++;
                continue;
            }
            int start = matcher.start();
            int end = matcher.end();
            if (matcher.group("pre") != null || matcher.group("post") != null) {
                boolean afterAmount = !found.isEmpty() && text.substring(found.getLast().end(), start).isBlank();
                money(matcher, hint, false, !afterAmount)
                        .ifPresent(money -> found.add(new MoneyMatch(money, start, end)));
            }
            at = Math.max(end, at + 1);
        }
        return List.copyOf(found);
    }

    /** What the pattern's look-behind and first look-ahead test, without starting the regex engine. */
    private static boolean mayStartAmount(String text, int at) {
        if (at > 0) {
            char before = text.charAt(at - 1);
            if (Character.isLetterOrDigit(before) || before == '.' || before == ',') {
                return false;
            }
        }
        char c = text.charAt(at);
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || "-−–(ekz元".indexOf(c) >= 0
                || Character.getType(c) == Character.CURRENCY_SYMBOL;
    }

    /**
     * The amount the matcher matched.
     *
     * @param whole             whether the match is the whole text parsed: parentheses must then pair
     * @param parenthesesNegate whether parentheses around it make it negative, as in accounts: not where it follows
     *                          another amount, "£10.00 (€11.60)" being a conversion
     */
    private static Optional<Money> money(Matcher matcher, CurrencyHint hint, boolean whole,
            boolean parenthesesNegate) {
        boolean open = matcher.group("open") != null;
        boolean close = matcher.group("close") != null;
        // In running text "(€5.00" may close later, or not at all: an amount is no less an amount.
        if (open != close && whole) {
            return Optional.empty();
        }
        if (matcher.group("sign") != null && matcher.group("sign2") != null) {
            return Optional.empty();
        }
        boolean negative = open && close && parenthesesNegate || matcher.group("sign") != null
                || matcher.group("sign2") != null;
        String pre = matcher.group("pre");
        String post = matcher.group("post");
        String number = matcher.group("num1") != null ? matcher.group("num1") : matcher.group("num2");

        Currency currency;
        if (pre != null || post != null) {
            Optional<Currency> marked = CurrencyMark.currency(pre != null ? pre : post, hint);
            if (marked.isEmpty()) {
                return Optional.empty();
            }
            currency = marked.get();
        } else if (hint.defaultCurrency() != null) {
            currency = hint.defaultCurrency();
        } else {
            return Optional.empty();
        }
        BigDecimal amount = amount(number, currency, pre != null || post != null);
        if (amount == null) {
            return Optional.empty();
        }
        return Optional.of(new Money(negative ? amount.negate() : amount, currency));
    }

    /** The number's value, or null if it is no amount in {@code currency} (see the class comment). */
    static @Nullable BigDecimal amount(String written, Currency currency, boolean marked) {
        int minorDigits = Math.max(currency.getDefaultFractionDigits(), 0);
        boolean noMinor = written.endsWith("-") || written.endsWith("–");
        if (noMinor && !marked) {
            return null;
        }
        String number = noMinor ? written.substring(0, written.length() - 2) : written;
        int lastDot = number.lastIndexOf('.');
        int lastComma = number.lastIndexOf(',');
        boolean otherGrouping = number.chars().anyMatch(c -> c == '\'' || c == '’' || isSpace((char) c));
        int decimalAt = -1;
        if (lastDot >= 0 && lastComma >= 0) {
            decimalAt = Math.max(lastDot, lastComma);
        } else if (lastDot >= 0 || lastComma >= 0) {
            char separator = lastDot >= 0 ? '.' : ',';
            int at = Math.max(lastDot, lastComma);
            boolean once = number.indexOf(separator) == at;
            int digitsAfter = number.length() - at - 1;
            boolean zeroInteger = number.substring(0, at).equals("0");
            if (once && (digitsAfter != 3 || otherGrouping || minorDigits == 3 || zeroInteger)) {
                decimalAt = at;
            }
        }
        String integer = decimalAt < 0 ? number : number.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : number.substring(decimalAt + 1);
        if (fraction.length() > 3 || !fraction.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String digits = groupedDigits(integer);
        if (digits == null || digits.length() > MOST_INTEGER_DIGITS) {
            return null;
        }
        if (!marked && (minorDigits == 0 || fraction.length() != minorDigits)) {
            return null;
        }
        return new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
    }

    /** The digits of an integer part grouped by one kind of separator in threes, or null if it is not so grouped. */
    private static @Nullable String groupedDigits(String integer) {
        String[] groups = NOT_A_DIGIT.split(integer, -1);
        if (groups.length == 1) {
            return groups[0].isEmpty() ? null : groups[0];
        }
        String separators = DIGIT.matcher(integer).replaceAll("");
        boolean oneKind = separators.chars().allMatch(c -> c == separators.charAt(0)
                || isSpace((char) c) && isSpace(separators.charAt(0)));
        if (!oneKind || groups[0].isEmpty() || groups[0].length() > 3) {
            return null;
        }
        StringBuilder digits = new StringBuilder(groups[0]);
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return null;
            }
            digits.append(groups[i]);
        }
        return digits.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }
}
