package io.mailsift.purchases;

import static io.mailsift.purchases.TestMails.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shop and carrier mails without schema.org markup, read by their labels ({@link TextPurchaseExtractor}). */
class TextPurchaseMailsTest {

    private final PurchaseConnector connector = new PurchaseConnector();

    @Test
    void shouldFindTheOrderOfAGermanPlainTextConfirmationWithItsTotalAfterDiscountAndTax() {
        List<Finding> findings = connector.extract(resource("order-confirmation-text-de.eml"));

        assertThat(findings).singleElement().satisfies(order -> {
            assertThat(order.type()).isEqualTo("Order");
            assertThat(order.data()).containsEntry("orderNumber", "4711-2026-88")
                    .containsEntry("price", "69.97")
                    .containsEntry("priceCurrency", "EUR")
                    .containsEntry("orderStatus", "https://schema.org/OrderProcessing")
                    .containsEntry("seller", Map.of("@type", "Organization", "name", "Buchladen Meier"));
        });
    }

    @Test
    void shouldFindTheOrderAndItsUpsParcelInTheTablesOfAnHtmlShippingNotice() {
        List<Finding> findings = connector.extract(resource("order-shipped-html-en.eml"));

        assertThat(findings).extracting(Finding::type).containsExactly("Order", "ParcelDelivery");
        assertThat(findings.getFirst().data()).containsEntry("orderNumber", "NWO-58213")
                .containsEntry("price", "178.61")
                .containsEntry("priceCurrency", "USD")
                .containsEntry("orderStatus", "https://schema.org/OrderInTransit");
        assertThat(findings.getLast().data()).containsEntry("trackingNumber", "1Z879E930346834440")
                .containsEntry("provider", Map.of("@type", "Organization", "name", "UPS"))
                .containsEntry("deliveryStatus", Map.of("@type", "DeliveryEvent", "name", "OrderInTransit"))
                .containsEntry("trackingUrl", "https://www.ups.com/track?tracknum=1Z879E930346834440")
                .containsEntry("partOfOrder", Map.of("@type", "Order", "orderNumber", "NWO-58213",
                        "seller", Map.of("@type", "Organization", "name", "Northwind Outfitters")));
    }

    @Test
    void shouldGiveTheDeliveredStatusOfAnOrderButNoParcelWhenTheMailNamesNoCarrier() {
        List<Finding> findings = connector.extract(resource("parcel-delivered-text-fr.eml"));

        assertThat(findings).singleElement().satisfies(order -> assertThat(order.data())
                .containsEntry("orderNumber", "CMD2026-1130")
                .containsEntry("orderStatus", "https://schema.org/OrderDelivered")
                .doesNotContainKeys("price", "acceptedOffer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"marketing-prices-text.eml", "phishing-invoice-text.eml"})
    void shouldFindNothingInMailThatOrdersNothing(String mail) {
        assertThat(connector.extract(resource(mail))).isEmpty();
    }

    @Test
    void shouldKeyATextOrderAsTheMarkupOfTheSameShopAndNumberSoEitherUpdatesTheOther() {
        Finding fromText = connector.extract(resource("order-shipped-html-en.eml")).getFirst();
        Finding fromMarkup = connector.extract(TestMails.withMarkup("""
                {"@context": "http://schema.org", "@type": "Order", "orderNumber": "NWO-58213",
                 "merchant": {"@type": "Organization", "name": "Northwind Outfitters"}}
                """)).getFirst();

        assertThat(fromText.key()).isEqualTo(fromMarkup.key());
    }

    @Test
    void shouldTakeNoOrderNumberWhenTheLabelIsFollowedByAWordAndNoneWhenTwoNumbersDisagree() {
        assertThat(TextPurchaseExtractor.orderNumber("Order now with code FRIDAY2026")).isEmpty();
        assertThat(TextPurchaseExtractor.orderNumber("Order #A1234\nOrder #B5678")).isEmpty();
        assertThat(TextPurchaseExtractor.orderNumber("Thank you for your order #112-4567890-1234567."))
                .contains("112-4567890-1234567");
    }
}
