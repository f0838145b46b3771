package io.mailsift.purchases.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An exact amount in an ISO 4217 currency. The amount keeps at least the currency's minor digits ({@code 5} USD is
 * {@code 5.00}, {@code 1200} JPY stays {@code 1200}); digits beyond them are kept only when they are not zero.
 *
 * @param amount   the amount; negative for discounts and refunds
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = scaled(amount, currency);
    }

    /** {@code amount} in the currency with ISO 4217 code {@code currencyCode} ({@code "EUR"}). */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /**
     * The amount schema.org markup gives as {@code price} (a number, or text such as {@code "1234.56"},
     * {@code "1,234.56"} or {@code "$1,234.56"}) and {@code priceCurrency} (ISO 4217); empty if either is missing or
     * no amount. A currency mark in the price must agree with {@code priceCurrency}.
     */
    public static Optional<Money> ofSchemaOrg(@Nullable Object price, @Nullable Object priceCurrency) {
        Currency currency;
        try {
            currency = priceCurrency instanceof String code ? Currency.getInstance(code.strip()) : null;
        } catch (IllegalArgumentException e) {
            currency = null;
        }
        if (currency == null) {
            return Optional.empty();
        }
        if (price instanceof Number number && !(price instanceof Double d && !Double.isFinite(d))
                && !(price instanceof Float f && !Float.isFinite(f))) {
            // A double's shortest decimal form is what the markup's author wrote: 29.99, not 29.989999….
            return Optional.of(new Money(new BigDecimal(number.toString()), currency));
        }
        if (!(price instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(text.strip()), currency));
        } catch (NumberFormatException notPlain) {
            Currency expected = currency;
            return MoneyParser.parse(text, CurrencyHint.none().withDefaultCurrency(currency))
                    .filter(money -> money.currency().equals(expected));
        }
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** The amount as schema.org wants it: a plain decimal string with a dot, {@code "1234.56"}, never an exponent. */
    public String price() {
        return amount.toPlainString();
    }

    /**
     * The schema.org properties for this amount, {@code price} (a string, so no JSON reader turns it into a binary
     * floating-point number) and {@code priceCurrency} (ISO 4217), in that order.
     */
    public Map<String, Object> toSchemaOrg() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("price", price());
        properties.put("priceCurrency", currency.getCurrencyCode());
        return properties;
    }

    @Override
    public String toString() {
        return price() + " " + currency.getCurrencyCode();
    }

    private static BigDecimal scaled(BigDecimal amount, Currency currency) {
        int minorDigits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= minorDigits ? stripped.setScale(minorDigits) : stripped;
    }
}
