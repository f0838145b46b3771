package io.mailsift.purchases;

import static io.mailsift.purchases.TestMails.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import org.junit.jupiter.api.Test;

/** Realistic shop and carrier mails (written in the style of Gmail's email markup samples) under {@code mails/}. */
class PurchaseMailsTest {

    private final PurchaseConnector connector = new PurchaseConnector();

    @Test
    void shouldFindTheOrderOfAJsonLdConfirmationWithItsItems() {
        List<Finding> findings = connector.extract(resource("order-confirmation-jsonld.eml"));

        assertThat(findings).singleElement().satisfies(order -> {
            assertThat(order.type()).isEqualTo("Order");
            assertThat(order.data()).containsEntry("orderNumber", "112-4567890-1234567")
                    .containsEntry("orderDate", "2027-03-02T09:13:51+00:00")
                    .containsEntry("price", "47.97")
                    .containsEntry("priceCurrency", "USD")
                    .containsEntry("seller", Map.of("@type", "Organization", "name", "Amazon.com"));
            assertThat((List<?>) order.data().get("acceptedOffer")).hasSize(2);
        });
    }

    @Test
    void shouldUpdateTheSameOrderWhenTheShopReportsItsDelivery() {
        Finding confirmed = connector.extract(resource("order-confirmation-jsonld.eml")).getFirst();
        Finding delivered = connector.extract(resource("order-status-update-jsonld.eml")).getFirst();

        assertThat(delivered.key()).isEqualTo(confirmed.key());
        assertThat(delivered.data()).containsEntry("orderStatus", "https://schema.org/OrderDelivered");
    }

    @Test
    void shouldFindTheParcelOfACarrierMailButNoOrder() {
        List<Finding> findings = connector.extract(resource("parcel-delivery-jsonld.eml"));

        assertThat(findings).singleElement().satisfies(parcel -> {
            assertThat(parcel.type()).isEqualTo("ParcelDelivery");
            assertThat(parcel.data()).containsEntry("trackingNumber", "781234567890")
                    .containsEntry("expectedArrivalUntil", "2027-03-05T20:00:00-08:00")
                    .containsEntry("provider", Map.of("@type", "Organization", "name", "FedEx"));
            assertThat(partOfOrder(parcel)).containsEntry("orderNumber", "176057");
        });
    }

    @Test
    void shouldFindBothTheOrderAndTheParcelOfAShippingNotice() {
        List<Finding> findings = connector.extract(resource("order-shipped-with-delivery-jsonld.eml"));

        assertThat(findings).extracting(Finding::type).containsExactly("Order", "ParcelDelivery");
        assertThat(findings.getFirst().data()).containsEntry("orderNumber", "NO-2027-004711");
        assertThat((List<?>) findings.getFirst().data().get("orderedItem")).hasSize(2);
        assertThat(findings.get(1).data()).containsEntry("trackingNumber", "00340434161094042557");
        assertThat(partOfOrder(findings.get(1)))
                .containsEntry("orderNumber", "NO-2027-004711");
    }

    @Test
    void shouldFindTheOrderOfAMicrodataConfirmation() {
        List<Finding> findings = connector.extract(resource("order-confirmation-microdata.eml"));

        assertThat(findings).singleElement().satisfies(order -> {
            assertThat(order.type()).isEqualTo("Order");
            assertThat(order.data()).containsEntry("orderNumber", "58-22019")
                    .containsEntry("orderDate", "2027-03-15T19:04:10+00:00")
                    .containsEntry("price", "18.48")
                    .containsEntry("seller", Map.of("@type", "Organization", "name", "Leafy Lane Books"));
            assertThat((List<?>) order.data().get("acceptedOffer")).hasSize(2);
        });
    }

    @Test
    void shouldFindTheParcelOfAMicrodataCarrierMail() {
        List<Finding> findings = connector.extract(resource("parcel-delivery-microdata.eml"));

        assertThat(findings).singleElement().satisfies(parcel -> {
            assertThat(parcel.type()).isEqualTo("ParcelDelivery");
            assertThat(parcel.data()).containsEntry("trackingNumber", "1Z999AA10123456784")
                    .containsEntry("provider", Map.of("@type", "Organization", "name", "UPS"));
            assertThat(partOfOrder(parcel)).containsEntry("orderNumber", "58-22019");
        });
    }

    @Test
    void shouldFindNothingInANewsletterFullOfProductMarkup() {
        assertThat(connector.extract(resource("newsletter-jsonld.eml"))).isEmpty();
    }

    @Test
    void shouldTakeTheBillButNotTheOrderWithoutNumberNextToIt() {
        List<Finding> findings = connector.extract(resource("invoice-and-orderless-markup-jsonld.eml"));

        assertThat(findings).singleElement().satisfies(invoice -> {
            assertThat(invoice.type()).isEqualTo("Invoice");
            assertThat(invoice.data()).containsEntry("confirmationNumber", "INV-2027-03-0042")
                    .containsEntry("paymentDueDate", "2027-04-15");
        });
    }

    @Test
    void shouldSurviveBrokenMarkupAndKeepOnlyWhatIsWhole() {
        List<Finding> findings = connector.extract(resource("broken-markup-jsonld.eml"));

        // The last script is cut off; a parser may repair it into order DG-2. Nothing else is an order.
        assertThat(findings).allSatisfy(finding -> assertThat(finding.data()).containsEntry("orderNumber", "DG-2"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> partOfOrder(Finding parcel) {
        return (Map<String, Object>) parcel.data().get("partOfOrder");
    }
}
