package io.mailsift.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.mailsift.profile.OrderReader.Item;
import io.mailsift.profile.OrderReader.Order;
import io.mailsift.profile.SpendLines.Line;
import org.junit.jupiter.api.Test;

class SpendLinesTest {

    private final Taxonomy taxonomy = new Taxonomy();

    @Test
    void shouldPutThePricedItemsUnderTheirCategoriesAndTheRestUnderTheMerchants() {
        Order order = order("Amazon", "30.00", "EUR", true,
                new Item("Coffee beans", new BigDecimal("2"), new BigDecimal("9.50"), "EUR"),
                new Item("Paperback novel", BigDecimal.ONE, new BigDecimal("7.99"), null),
                new Item("Mystery gadget", BigDecimal.ONE, null, null));

        List<Line> lines = SpendLines.of(order, taxonomy);

        assertThat(lines).extracting(line -> line.category().id(), line -> line.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("coffee-tea", "19.0000"),
                        org.assertj.core.groups.Tuple.tuple("books", "7.9900"),
                        org.assertj.core.groups.Tuple.tuple("marketplaces", "0.0000"),
                        org.assertj.core.groups.Tuple.tuple("marketplaces", "3.0100"));
        assertThat(sum(lines)).isEqualByComparingTo("30.00");
        assertThat(lines.get(2).itemKey()).isEqualTo("mystery gadget");
        assertThat(lines.get(3).itemKey()).isNull();
    }

    @Test
    void shouldShrinkTheItemsInProportionWhenADiscountMakesTheTotalSmaller() {
        Order order = order("Zalando", "20.00", "EUR", true,
                new Item("Socks", BigDecimal.ONE, new BigDecimal("10"), "EUR"),
                new Item("Shirt", BigDecimal.ONE, new BigDecimal("20"), "EUR"));

        List<Line> lines = SpendLines.of(order, taxonomy);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).amount()).isEqualByComparingTo("6.6667");
        assertThat(sum(lines)).isEqualByComparingTo("20.00");
    }

    @Test
    void shouldNotConvertAnItemPricedInAnotherCurrency() {
        Order order = order("Shop", "50", "GBP", true,
                new Item("Book", BigDecimal.ONE, new BigDecimal("10"), "USD"));

        List<Line> lines = SpendLines.of(order, taxonomy);

        assertThat(lines.getFirst().amount()).isZero();
        assertThat(sum(lines)).isEqualByComparingTo("50");
        assertThat(lines).allSatisfy(line -> assertThat(line.currency()).isEqualTo("GBP"));
    }

    @Test
    void shouldGiveNoLinesForAnOrderThatDoesNotCount() {
        assertThat(SpendLines.of(order("Zara", "10", "EUR", false,
                new Item("Shirt", BigDecimal.ONE, BigDecimal.TEN, "EUR")), taxonomy)).isEmpty();
    }

    @Test
    void shouldKeepItemsWithoutSpendWhenTheOrderNamesNoCurrency() {
        List<Line> lines = SpendLines.of(order("Shop", null, null, true,
                new Item("Dog food", BigDecimal.ONE, null, null)), taxonomy);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.itemKey()).isEqualTo("dog food");
            assertThat(line.currency()).isNull();
            assertThat(line.category().id()).isEqualTo("pets");
        });
    }

    private static Order order(String merchant, String total, String currency, boolean counts, Item... items) {
        return new Order(merchant, "1", LocalDate.of(2026, 11, 3), counts ? "OrderDelivered" : "OrderCancelled",
                counts, total == null ? null : new BigDecimal(total), currency, List.of(items));
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
