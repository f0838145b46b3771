package io.mailsift.purchases.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldGiveSchemaOrgPriceAsAPlainDecimalString() {
        assertThat(Money.of("1234.56", "EUR").toSchemaOrg())
                .containsExactly(entry("price", "1234.56"), entry("priceCurrency", "EUR"));
        assertThat(new Money(new BigDecimal("1.2E+3"), Currency.getInstance("JPY")).toSchemaOrg())
                .containsEntry("price", "1200");
    }

    @Test
    void shouldKeepTheCurrencysMinorDigits() {
        assertThat(Money.of("5", "USD").price()).isEqualTo("5.00");
        assertThat(Money.of("5.5", "USD").price()).isEqualTo("5.50");
        assertThat(Money.of("1200.00", "JPY").price()).isEqualTo("1200");
        assertThat(Money.of("1.2", "BHD").price()).isEqualTo("1.200");
        assertThat(Money.of("1.239", "USD").price()).isEqualTo("1.239");
    }

    @Test
    void shouldBeEqualWhateverTheWrittenScale() {
        assertThat(Money.of("5", "EUR")).isEqualTo(Money.of("5.000", "EUR"));
        assertThat(Money.of("5", "EUR")).isNotEqualTo(Money.of("5", "USD"));
    }

    @Test
    void shouldReadSchemaOrgPricesWhateverTheirType() {
        assertThat(Money.ofSchemaOrg("1234.56", "EUR")).contains(Money.of("1234.56", "EUR"));
        assertThat(Money.ofSchemaOrg(29.99, "USD")).contains(Money.of("29.99", "USD"));
        assertThat(Money.ofSchemaOrg(1200, "JPY")).contains(Money.of("1200", "JPY"));
        assertThat(Money.ofSchemaOrg(new BigDecimal("5"), "GBP")).contains(Money.of("5.00", "GBP"));
        assertThat(Money.ofSchemaOrg("1,234.56", "USD")).contains(Money.of("1234.56", "USD"));
        assertThat(Money.ofSchemaOrg("$1,234.56", "USD")).contains(Money.of("1234.56", "USD"));
        assertThat(Money.ofSchemaOrg("1.234,56 €", "EUR")).contains(Money.of("1234.56", "EUR"));
    }

    @Test
    void shouldRefuseSchemaOrgPricesThatAreNoAmount() {
        assertThat(Money.ofSchemaOrg("$12.00", "EUR")).as("currencies disagree").isEmpty();
        assertThat(Money.ofSchemaOrg("free", "EUR")).isEmpty();
        assertThat(Money.ofSchemaOrg("12.00", "EURO")).isEmpty();
        assertThat(Money.ofSchemaOrg("12.00", null)).isEmpty();
        assertThat(Money.ofSchemaOrg(null, "EUR")).isEmpty();
        assertThat(Money.ofSchemaOrg(Double.NaN, "EUR")).isEmpty();
        assertThat(Money.ofSchemaOrg(true, "EUR")).isEmpty();
    }

    @Test
    void shouldNegateForDiscountsAndRefunds() {
        assertThat(Money.of("5.00", "EUR").negate()).isEqualTo(Money.of("-5", "EUR"));
        assertThat(Money.of("-5.00", "EUR").isNegative()).isTrue();
        assertThat(Money.of("-5.00", "EUR").toSchemaOrg()).containsEntry("price", "-5.00");
    }
}
