package io.mailsift.purchases.money;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The marks that say an amount's currency: ISO 4217 codes ({@code EUR}), symbols ({@code €}, {@code US$}) and local
 * abbreviations ({@code kr}, {@code zł}, {@code Fr.}). Some marks are shared by several currencies and need a
 * {@link CurrencyHint} to be settled.
 */
final class CurrencyMark {

    /** Marks of one currency. */
    private static final Map<String, String> SINGLE = Map.ofEntries(
            Map.entry("€", "EUR"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("Euro", "EUR"),
            Map.entry("£", "GBP"), Map.entry("US$", "USD"),
            Map.entry("C$", "CAD"), Map.entry("CA$", "CAD"), Map.entry("CAN$", "CAD"),
            Map.entry("A$", "AUD"), Map.entry("AU$", "AUD"), Map.entry("NZ$", "NZD"), Map.entry("HK$", "HKD"),
            Map.entry("S$", "SGD"), Map.entry("SG$", "SGD"), Map.entry("MX$", "MXN"), Map.entry("R$", "BRL"),
            Map.entry("JP¥", "JPY"), Map.entry("CN¥", "CNY"), Map.entry("RMB", "CNY"), Map.entry("元", "CNY"),
            Map.entry("₹", "INR"), Map.entry("Rs.", "INR"), Map.entry("₩", "KRW"), Map.entry("₽", "RUB"),
            Map.entry("₺", "TRY"), Map.entry("₪", "ILS"), Map.entry("zł", "PLN"), Map.entry("Kč", "CZK"),
            Map.entry("Ft", "HUF"), Map.entry("Fr.", "CHF"), Map.entry("SFr.", "CHF"), Map.entry("₫", "VND"),
            Map.entry("฿", "THB"), Map.entry("₱", "PHP"));

    /** Marks several currencies share: the first currency is the default, if the mark has one. */
    private static final Map<String, Family> SHARED = Map.of(
            "$", Family.DOLLAR, "kr", Family.KRONA, "kr.", Family.KRONA, "Kr", Family.KRONA, "Kr.", Family.KRONA,
            "¥", Family.YEN, "￥", Family.YEN);

    /** ISO codes that are also capitalised English words a receipt may print by a number ("3 ALL", "TOP 10"). */
    private static final Set<String> CODES_THAT_ARE_WORDS = Set.of("ALL", "TOP", "CUP", "PEN", "MAD", "SOS", "GEL");

    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            // Funds, precious metals and test codes are no prices.
            .filter(code -> !code.startsWith("X") || code.equals("XOF") || code.equals("XAF") || code.equals("XPF"))
            .collect(Collectors.toUnmodifiableSet());

    /** Every mark but the ISO codes. */
    static final Set<String> MARKS = Set.copyOf(union(SINGLE.keySet(), SHARED.keySet()));

    enum Family {
        DOLLAR(Set.of("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP"), "USD",
                Map.of()),
        KRONA(Set.of("SEK", "NOK", "DKK", "ISK"), null,
                Map.of("sv", "SEK", "nb", "NOK", "nn", "NOK", "no", "NOK", "da", "DKK", "is", "ISK")),
        YEN(Set.of("JPY", "CNY"), "JPY", Map.of("zh", "CNY"));

        private final Set<String> members;
        private final @Nullable String fallback;
        private final Map<String, String> byLanguage;

        Family(Set<String> members, @Nullable String fallback, Map<String, String> byLanguage) {
            this.members = members;
            this.fallback = fallback;
            this.byLanguage = byLanguage;
        }

        Optional<Currency> resolve(CurrencyHint hint) {
            Currency ofCountry = hint.countryCurrency();
            if (ofCountry != null && members.contains(ofCountry.getCurrencyCode())) {
                return Optional.of(ofCountry);
            }
            if (hint.language() != null && byLanguage.containsKey(hint.language())) {
                return Optional.of(Currency.getInstance(byLanguage.get(hint.language())));
            }
            return Optional.ofNullable(fallback).map(Currency::getInstance);
        }
    }

    private CurrencyMark() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The currency {@code mark} stands for, settled with {@code hint} where the mark is shared; empty when it is no
     * currency mark or a shared one the hint does not settle ({@code kr} without country or language).
     *
     */
    static Optional<Currency> currency(String mark, CurrencyHint hint) {
        if (SINGLE.containsKey(mark)) {
            return Optional.of(Currency.getInstance(SINGLE.get(mark)));
        }
        if (SHARED.containsKey(mark)) {
            return SHARED.get(mark).resolve(hint);
        }
        String code = mark.toUpperCase(Locale.ROOT);
        if (mark.equals(code) && CODES.contains(code) && !CODES_THAT_ARE_WORDS.contains(code)) {
            return Optional.of(Currency.getInstance(code));
        }
        return Optional.empty();
    }
}
