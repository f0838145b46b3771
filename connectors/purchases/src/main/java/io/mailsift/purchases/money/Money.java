package io.mailsift.purchases.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
