package io.mailsift.purchases;

import static io.mailsift.purchases.TestMails.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields of orders, receipts and parcels read from mails without markup (the development mails under
 * {@code mails/text}, written for these tests: shops in the UK and France, food delivery in Germany, a ride and an app
 * store in the US, a carrier, a refund, and mails that order nothing).
 */
class TextReceiptFieldsTest {

    private final PurchaseConnector connector = new PurchaseConnector();

    @Test
    void shouldReadItemsWithQuantitiesFromATableWhosePricesAreLineTotalsAsTheSubtotalShows() {
        Map<String, Object> order = onlyOrder("shop-order-uk.eml");

        assertThat(order).containsEntry("orderNumber", "MF100882").containsEntry("orderDate", "2026-11-04")
                .containsEntry("price", "34.45").containsEntry("priceCurrency", "GBP")
                .containsEntry("seller", Map.of("@type", "Organization", "name", "Marlow & Finch"));
        assertThat(offers(order)).containsExactly("Linen Tea Towel, Sage x3 at 7.00 GBP", "Enamel Mug x1 at 9.50 GBP");
        assertThat(specifications(order)).containsExactly("PriceSpecification Subtotal 30.50",
                "DeliveryChargeSpecification Shipping 3.95", "PriceSpecification Tax 5.74");
    }

    @Test
    void shouldReadStackedFrenchItemsFreeDeliveryADiscountAndTheIncludedVat() {
        Map<String, Object> order = onlyOrder("shop-order-fr.eml");

        assertThat(order).containsEntry("orderNumber", "AB-30517").containsEntry("orderDate", "2026-11-16")
                .containsEntry("price", "97.90").containsEntry("priceCurrency", "EUR")
                .containsEntry("discount", "10.00").containsEntry("discountCurrency", "EUR");
        assertThat(offers(order)).containsExactly("Bol en grès émaillé x2 at 24.00 EUR",
                "Théière fonte 0,8 L x1 at 59.90 EUR");
        assertThat(specifications(order)).containsExactly("PriceSpecification Subtotal 107.90",
                "DeliveryChargeSpecification Shipping 0.00", "PriceSpecification Tax 16.32");
    }

    @Test
    void shouldReadAGermanFoodDeliveryWithFeesThatAreNoItems() {
        Map<String, Object> order = onlyOrder("food-delivery-de.eml");

        assertThat(order).containsEntry("orderNumber", "FF-2211-9043").containsEntry("orderDate", "2026-11-13")
                .containsEntry("price", "24.98").containsEntry("priceCurrency", "EUR");
        assertThat(offers(order)).containsExactly("Pizza Margherita x2 at 8.50 EUR", "Tiramisu x1 at 4.50 EUR");
        assertThat(specifications(order)).contains("DeliveryChargeSpecification Shipping 2.49",
                "PriceSpecification Tax 1.63");
    }

    @Test
    void shouldReadAnAppStoreReceiptByItsOrderId() {
        Map<String, Object> order = onlyOrder("app-store-receipt-en.eml");

        assertThat(order).containsEntry("orderNumber", "MQ7Z4K2PLX").containsEntry("orderDate", "2026-11-08")
                .containsEntry("price", "3.26").containsEntry("priceCurrency", "USD");
        assertThat(offers(order)).containsExactly("Cloud Storage 200 GB (Monthly) x1 at 2.99 USD");
    }

    @Test
    void shouldReadARideReceiptWithoutOrderNumberKeyedByMerchantDateAndTotalAndWithoutStatus() {
        List<Finding> first = connector.extract(resource("text/ride-receipt-en.eml"));
        List<Finding> again = connector.extract(resource("text/ride-receipt-en.eml"));

        assertThat(first).singleElement().satisfies(receipt -> assertThat(receipt.data())
                .containsEntry("price", "25.15").containsEntry("priceCurrency", "USD")
                .containsEntry("orderDate", "2026-11-10")
                .containsEntry("seller", Map.of("@type", "Organization", "name", "Zoomcab"))
                .doesNotContainKeys("orderNumber", "orderStatus"));
        assertThat(again.getFirst().key()).isEqualTo(first.getFirst().key());
    }

    @Test
    void shouldReadARideReceiptWhoseTotalHeadsItAndWhoseDateIsALineOfItsOwn() {
        Map<String, Object> receipt = onlyOrder("ride-receipt-fr.eml");

        assertThat(receipt).containsEntry("price", "23.40").containsEntry("priceCurrency", "EUR")
                .containsEntry("orderDate", "2026-11-17")
                .containsEntry("seller", Map.of("@type", "Organization", "name", "Vroum"));
    }

    @Test
    void shouldTakeWhatTheCardWasChargedAsTheTotalOfAReceiptThatLabelsNone() {
        Map<String, Object> receipt = onlyOrder("ride-receipt-de.eml");

        assertThat(receipt).containsEntry("price", "16.00").containsEntry("priceCurrency", "EUR")
                .containsEntry("orderDate", "2026-11-20");
    }

    @Test
    void shouldGiveAShippingNoticesItemsWithoutPriceAsOrderedItemsAndItsParcelOfTheCarrierNamedAbove() {
        List<Finding> findings = connector.extract(resource("text/shipped-priceless-items-de.eml"));

        assertThat(findings).extracting(Finding::type).containsExactly("Order", "ParcelDelivery");
        assertThat(findings.getFirst().data()).containsEntry("orderNumber", "70041288")
                .containsEntry("orderStatus", "https://schema.org/OrderInTransit")
                .doesNotContainKeys("acceptedOffer", "price")
                .containsEntry("orderedItem", List.of(
                        Map.of("@type", "OrderItem", "orderQuantity", 1,
                                "orderedItem", Map.of("@type", "Product", "name", "Wollpullover, Größe L")),
                        Map.of("@type", "OrderItem", "orderQuantity", 2,
                                "orderedItem", Map.of("@type", "Product", "name", "Baumwollsocken, 3er-Pack"))));
        assertThat(findings.getLast().data()).containsEntry("trackingNumber", "09980000020034D")
                .containsEntry("provider", Map.of("@type", "Organization", "name", "DPD"));
    }

    @Test
    void shouldGiveACarriersParcelWithoutAnyOrderWhenTheCarrierSendsIt() {
        List<Finding> findings = connector.extract(resource("text/carrier-out-for-delivery-en.eml"));

        assertThat(findings).singleElement().satisfies(parcel -> {
            assertThat(parcel.type()).isEqualTo("ParcelDelivery");
            assertThat(parcel.data()).containsEntry("trackingNumber", "449044304137821")
                    .containsEntry("provider", Map.of("@type", "Organization", "name", "FedEx"))
                    .containsEntry("deliveryStatus", Map.of("@type", "DeliveryEvent", "name", "OrderOutForDelivery"))
                    .containsEntry("trackingUrl", "https://www.fedex.com/fedextrack/?trknbr=449044304137821");
        });
    }

    @Test
    void shouldMarkARefundedOrderReturnedWithTheRefundAndLeaveItsItemsAndTotalAlone() {
        Map<String, Object> order = onlyOrder("refund-de.eml");

        assertThat(order).containsEntry("orderNumber", "70041288")
                .containsEntry("orderStatus", "https://schema.org/OrderReturned")
                .doesNotContainKeys("acceptedOffer", "price");
        assertThat(specifications(order)).containsExactly("PriceSpecification Refund 59.95");
    }

    @Test
    void shouldMarkACancelledOrderCancelled() {
        assertThat(onlyOrder("cancellation-en.eml")).containsEntry("orderNumber", "VG-88120")
                .containsEntry("orderStatus", "https://schema.org/OrderCancelled");
    }

    @Test
    void shouldGiveTheShippingNoticeAndTheRefundOfAnOrderItsKeySoTheyUpdateOneFinding() {
        Finding shipped = connector.extract(resource("text/shipped-priceless-items-de.eml")).getFirst();
        Finding refunded = connector.extract(resource("text/refund-de.eml")).getFirst();

        assertThat(refunded.key()).isEqualTo(shipped.key());
    }

    @Test
    void shouldTellParcelStatesFromTheSubjectFirstInEachLanguage() {
        assertThat(TextPurchaseExtractor.deliveryStatus("Ihr Paket kommt heute", "wurde versandt"))
                .contains("OrderOutForDelivery");
        assertThat(TextPurchaseExtractor.deliveryStatus("Votre colis a été livré", "expédié le 3 novembre"))
                .contains("OrderDelivered");
        assertThat(TextPurchaseExtractor.deliveryStatus("Delivery exception", "Your package has shipped"))
                .contains("OrderProblem");
        assertThat(TextPurchaseExtractor.deliveryStatus("Update", "Zustellversuch: wir haben Sie nicht angetroffen"))
                .contains("OrderProblem");
        assertThat(TextPurchaseExtractor.deliveryStatus("Update", "Your parcel is on its way")).contains("OrderInTransit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abandoned-cart-en.eml", "phishing-receipt-en.eml"})
    void shouldFindNothingInACartReminderOrAReceiptFromAnImpostor(String mail) {
        assertThat(connector.extract(resource("text/" + mail))).isEmpty();
    }

    @Test
    void shouldReadDatesInTheFormatsOfEachCountry() {
        assertThat(TextDates.first("Placed on 4 November 2026", false)).hasValueSatisfying(
                d -> assertThat(d).hasToString("2026-11-04"));
        assertThat(TextDates.first("Bestellt am 3. Dezember 2026", false)).hasValueSatisfying(
                d -> assertThat(d).hasToString("2026-12-03"));
        assertThat(TextDates.first("le 1er décembre 2026", false)).hasValueSatisfying(
                d -> assertThat(d).hasToString("2026-12-01"));
        assertThat(TextDates.first("11/03/2026", true)).hasValueSatisfying(
                d -> assertThat(d).hasToString("2026-11-03"));
        assertThat(TextDates.first("03/11/2026", false)).hasValueSatisfying(
                d -> assertThat(d).hasToString("2026-11-03"));
        assertThat(TextDates.first("Tue, Nov 3, 2026", true)).hasValueSatisfying(
                d -> assertThat(d).hasToString("2026-11-03"));
        assertThat(TextDates.first("order 2026-113", true)).isEmpty();
    }

    @Test
    void shouldDecodeTheNamedEntitiesOfQuantitiesAndAccents() {
        assertThat(MailText.ofHtml("<p>2 &times; Th&eacute; vert &middot; Gr&ouml;&szlig;e M &amp;c</p>").strip())
                .isEqualTo("2 × Thé vert · Größe M &c");
    }

    @Test
    void shouldReadADashBetweenAWordAndAnAmountAsASeparatorNotAMinus() {
        var hint = io.mailsift.purchases.money.CurrencyHint.none();

        assertThat(LineItems.amounts("Enamel Mug – £9.50", hint)).singleElement()
                .satisfies(match -> assertThat(match.money().price()).isEqualTo("9.50"));
        assertThat(LineItems.amounts("Voucher\t-£5.00", hint)).singleElement()
                .satisfies(match -> assertThat(match.money().price()).isEqualTo("-5.00"));
    }

    @Test
    void shouldTellSummaryLinesByTheirLabels() {
        assertThat(SummaryLine.of("Total incl. VAT\t£34.45")).hasValueSatisfying(
                l -> assertThat(l.kind()).isEqualTo(SummaryLine.TOTAL));
        assertThat(SummaryLine.of("inkl. 19% MwSt. 3,19 €")).hasValueSatisfying(
                l -> assertThat(l.kind()).isEqualTo(SummaryLine.TAX));
        assertThat(SummaryLine.of("dont TVA (20 %) : 16,32 €")).hasValueSatisfying(
                l -> assertThat(l.kind()).isEqualTo(SummaryLine.TAX));
        assertThat(SummaryLine.of("Total before tax $12.00")).hasValueSatisfying(
                l -> assertThat(l.kind()).isEqualTo(SummaryLine.OTHER));
        assertThat(SummaryLine.of("Taxi to the airport $30.00")).isEmpty();
    }

    private Map<String, Object> onlyOrder(String mail) {
        List<Finding> findings = connector.extract(resource("text/" + mail));
        assertThat(findings).extracting(Finding::type).containsExactly("Order");
        return findings.getFirst().data();
    }

    @SuppressWarnings("unchecked")
    private static List<String> offers(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("acceptedOffer")).stream()
                .map(offer -> ((Map<String, Object>) offer.get("itemOffered")).get("name") + " x"
                        + ((Map<String, Object>) offer.get("eligibleQuantity")).get("value") + " at "
                        + offer.get("price") + " " + offer.get("priceCurrency"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> specifications(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("priceSpecification")).stream()
                .map(s -> s.get("@type") + " " + s.get("name") + " " + s.get("price")).toList();
    }
}
