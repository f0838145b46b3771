package io.mailsift.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.mailsift.profile.OrderReader.Item;
import io.mailsift.profile.OrderReader.Order;
import org.junit.jupiter.api.Test;

class OrderReaderTest {

    private static final Instant MAIL_DATE = Instant.parse("2026-11-03T23:30:00Z");

    @Test
    void shouldReadMerchantNumberDateStatusTotalAndOffers() {
        Map<String, Object> payload = Map.of(
                "@type", "Order",
                "merchant", Map.of("@type", "Organization", "name", "Nespresso"),
                "orderNumber", "N-1",
                "orderDate", "2026-10-01T09:00:00+02:00",
                "orderStatus", "https://schema.org/OrderDelivered",
                "price", "1,234.56",
                "priceCurrency", "eur",
                "acceptedOffer", List.of(
                        Map.of("itemOffered", Map.of("name", "Coffee capsules"), "price", 4.5, "priceCurrency", "EUR",
                                "eligibleQuantity", Map.of("value", "10")),
                        Map.of("itemOffered", "Descaler", "price", "9,90")));

        Order order = OrderReader.read(payload, MAIL_DATE).orElseThrow();

        assertThat(order.merchant()).isEqualTo("Nespresso");
        assertThat(order.orderNumber()).isEqualTo("N-1");
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(order.status()).isEqualTo("OrderDelivered");
        assertThat(order.counts()).isTrue();
        assertThat(order.total()).isEqualByComparingTo("1234.56");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.items()).containsExactly(
                new Item("Coffee capsules", new BigDecimal("10"), new BigDecimal("4.5"), "EUR"),
                new Item("Descaler", BigDecimal.ONE, new BigDecimal("9.90"), null));
    }

    @Test
    void shouldReadOrderedItemsTotalPaymentDueAndTheMailDateWhenTheOrderHasNone() {
        Map<String, Object> payload = Map.of(
                "seller", List.of(Map.of("name", "Thalia")),
                "totalPaymentDue", Map.of("@type", "PriceSpecification", "price", 31, "priceCurrency", "EUR"),
                "orderedItem", List.of(
                        Map.of("@type", "OrderItem", "orderQuantity", 2,
                                "orderedItem", Map.of("@type", "Product", "name", "Taschenbuch")),
                        Map.of("@type", "Product", "name", "Lesezeichen")));

        Order order = OrderReader.read(payload, MAIL_DATE).orElseThrow();

        assertThat(order.merchant()).isEqualTo("Thalia");
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(order.total()).isEqualByComparingTo("31");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.items()).extracting(Item::name, Item::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Taschenbuch", new BigDecimal("2")),
                        org.assertj.core.groups.Tuple.tuple("Lesezeichen", BigDecimal.ONE));
    }

    @Test
    void shouldNotCountCancelledReturnedOrNegativeOrders() {
        for (Object status : List.of("https://schema.org/OrderCancelled", "http://schema.org/OrderReturned",
                "OrderCancelled", Map.of("@id", "schema:OrderReturned"))) {
            Order order = OrderReader.read(Map.of("merchant", "Zara", "orderStatus", status, "price", "10",
                    "priceCurrency", "EUR"), MAIL_DATE).orElseThrow();
            assertThat(order.counts()).as("%s", status).isFalse();
        }
        assertThat(OrderReader.read(Map.of("merchant", "Zara", "price", "-10", "priceCurrency", "EUR"), MAIL_DATE)
                .orElseThrow().counts()).as("a refund notice").isFalse();
    }

    @Test
    void shouldIgnoreAnOrderWithoutMerchant() {
        assertThat(OrderReader.read(Map.of("orderNumber", "1", "price", "3"), MAIL_DATE)).isEmpty();
    }

    @Test
    void shouldReadAmountsInTheFormatsMerchantsWrite() {
        assertThat(OrderReader.amount("1.234,56 €")).isEqualByComparingTo("1234.56");
        assertThat(OrderReader.amount("£1,234.56")).isEqualByComparingTo("1234.56");
        assertThat(OrderReader.amount("1 234,56 EUR")).isEqualByComparingTo("1234.56");
        assertThat(OrderReader.amount("12,50")).isEqualByComparingTo("12.50");
        assertThat(OrderReader.amount("1,234")).isEqualByComparingTo("1234");
        assertThat(OrderReader.amount("1.234.567")).isEqualByComparingTo("1234567");
        assertThat(OrderReader.amount(19.99)).isEqualByComparingTo("19.99");
        assertThat(OrderReader.amount(7L)).isEqualByComparingTo("7");
        assertThat(OrderReader.amount("free")).isNull();
        assertThat(OrderReader.amount(Double.NaN)).isNull();
        assertThat(OrderReader.amount("12345678901234567890")).as("a misreading, too large to store").isNull();
    }

    @Test
    void shouldReadDatesWithAndWithoutTimeAndOffset() {
        assertThat(OrderReader.date("2026-11-03")).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(OrderReader.date("2026-11-03T23:59:00-05:00")).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(OrderReader.date("2026-11-03T10:00:00")).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(OrderReader.date("3 Nov 2026")).isNull();
    }
}
