package io.mailsift.purchases;

import static io.mailsift.purchases.TestMails.forwarding;
import static io.mailsift.purchases.TestMails.withMarkup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import io.mailsift.connector.Connector;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.Finding;
import io.mailsift.connector.JsonLd;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;
import org.junit.jupiter.api.Test;

class PurchaseConnectorTest {

    private final PurchaseConnector connector = new PurchaseConnector();

    private static final String ORDER = """
            {
              "@context": "http://schema.org",
              "@type": "Order",
              "merchant": {"@type": "Organization", "name": "Amazon.com"},
              "orderNumber": "123-4567890-1234567",
              "orderStatus": "http://schema.org/OrderProcessing",
              "priceCurrency": "USD",
              "price": "29.99",
              "acceptedOffer": {
                "@type": "Offer",
                "itemOffered": {"@type": "Product", "name": "Google Chromecast"},
                "price": "29.99",
                "priceCurrency": "USD",
                "eligibleQuantity": {"@type": "QuantitativeValue", "value": "1"}
              }
            }
            """;

    private static final String PARCEL = """
            {
              "@context": "http://schema.org",
              "@type": "ParcelDelivery",
              "carrier": {"@type": "Organization", "name": "FedEx"},
              "trackingNumber": "3453291231",
              "expectedArrivalUntil": "2027-03-12T12:00:00-08:00",
              "itemShipped": {"@type": "Product", "name": "Google Chromecast"},
              "partOfOrder": {"@type": "Order", "orderNumber": "176057",
                "merchant": {"@type": "Organization", "name": "Bob Dole"}}
            }
            """;

    @Test
    void describesItselfAsThePurchasesConnectorReadingBodies() {
        var descriptor = connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("purchases");
        assertThat(descriptor.version()).isNotBlank().doesNotContain("@");
        assertThat(descriptor.spiVersion()).isEqualTo(SpiVersion.CURRENT);
        assertThat(descriptor.reads()).isEqualTo(ReadScope.BODIES);
        assertThat(descriptor.findingTypes()).containsExactlyInAnyOrder("Order", "ParcelDelivery", "Invoice");
        assertThat(descriptor.description()).isNotBlank();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Connector.class).stream().map(ServiceLoader.Provider::type))
                .contains(PurchaseConnector.class);
    }

    @Test
    void shouldLeaveAMessageWithoutAnyPurchaseSignInItsHeadersUnfetched() {
        // Recall of the prefilter is PurchasePrefilterTest's subject; this is only the connector using it.
        assertThat(connector.interestedIn(new EmailHeaders(null, "", null, null, List.of(), null, Map.of())))
                .isFalse();
        assertThat(connector.interestedIn(new EmailHeaders(null, "Your order", null, null, List.of(), null,
                Map.of()))).isTrue();
    }

    @Test
    void shouldTurnAnOrderIntoAFindingKeepingItsMarkup() {
        List<Finding> findings = connector.extract(withMarkup(ORDER));

        assertThat(findings).singleElement().satisfies(order -> {
            assertThat(order.type()).isEqualTo("Order");
            assertThat(order.data()).containsEntry("@context", "https://schema.org")
                    .containsEntry("orderNumber", "123-4567890-1234567")
                    .containsEntry("orderStatus", "http://schema.org/OrderProcessing")
                    .containsEntry("price", "29.99")
                    .containsEntry("seller", Map.of("@type", "Organization", "name", "Amazon.com"))
                    .containsKey("acceptedOffer");
        });
    }

    @Test
    void shouldKeepTheKeyOfAnOrderAcrossSpellingsOfTheShop() {
        String update = """
                {"@type": "https://schema.org/Order", "seller": {"@type": "Organization", "name": "Amazon.com, Inc."},
                 "orderNumber": [" 123-4567890-1234567 "], "orderStatus": "https://schema.org/OrderDelivered"}
                """;
        String plainName = """
                {"@type": "Order", "merchant": "amazon", "orderNumber": "123-4567890-1234567"}
                """;

        String key = connector.extract(withMarkup(ORDER)).getFirst().key();

        assertThat(connector.extract(withMarkup(update)).getFirst().key()).isEqualTo(key);
        assertThat(connector.extract(withMarkup(plainName)).getFirst().key()).isEqualTo(key);
    }

    @Test
    void shouldTellOrdersOfDifferentShopsWithTheSameNumberApart() {
        String other = ORDER.replace("Amazon.com", "Bob's Electronics");

        assertThat(connector.extract(withMarkup("[" + ORDER + "," + other + "]")))
                .extracting(Finding::key).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void shouldTurnAParcelDeliveryIntoAFindingWithoutTakingItsOrderReferenceForAnOrder() {
        List<Finding> findings = connector.extract(withMarkup(PARCEL));

        assertThat(findings).singleElement().satisfies(parcel -> {
            assertThat(parcel.type()).isEqualTo("ParcelDelivery");
            assertThat(parcel.data()).containsEntry("trackingNumber", "3453291231")
                    .containsEntry("provider", Map.of("@type", "Organization", "name", "FedEx"))
                    .containsKey("partOfOrder");
        });
    }

    @Test
    void shouldKeyAParcelByCarrierAndTrackingNumberWhateverElseChanges() {
        String update = """
                {"@type": "ParcelDelivery", "provider": {"@type": "Organization", "name": "FedEx Corporation"},
                 "trackingNumber": "3453291231", "deliveryStatus": {"@type": "DeliveryEvent", "name": "Delivered"}}
                """;
        String otherCarrier = PARCEL.replace("FedEx", "UPS");

        String key = connector.extract(withMarkup(PARCEL)).getFirst().key();

        assertThat(connector.extract(withMarkup(update)).getFirst().key()).isEqualTo(key);
        assertThat(connector.extract(withMarkup(otherCarrier)).getFirst().key()).isNotEqualTo(key);
    }

    @Test
    void shouldKeyAParcelWithoutTrackingNumberByItsOrder() {
        String untracked = """
                [
                  {"@type": "ParcelDelivery", "carrier": {"@type": "Organization", "name": "DHL"},
                   "partOfOrder": {"@type": "Order", "orderNumber": "A-1", "seller": {"name": "Shop"}}},
                  {"@type": "ParcelDelivery", "carrier": {"@type": "Organization", "name": "DHL"},
                   "partOfOrder": {"@type": "Order", "orderNumber": "A-2", "seller": {"name": "Shop"}}},
                  {"@type": "ParcelDelivery", "carrier": {"@type": "Organization", "name": "DHL"}}
                ]
                """;

        assertThat(connector.extract(withMarkup(untracked))).hasSize(2).extracting(Finding::key)
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveBothTheOrderAndItsDeliveryLinkedToIt() {
        String shipped = """
                {"@type": "Order", "seller": {"@type": "Organization", "name": "Nordic Outdoor Shop GmbH"},
                 "orderNumber": "NO-4711", "orderStatus": "http://schema.org/OrderInTransit",
                 "orderDelivery": {"@type": "ParcelDelivery", "provider": {"@type": "Organization", "name": "DHL"},
                   "trackingNumber": "00340434161094042557"}}
                """;

        List<Finding> findings = connector.extract(withMarkup(shipped));

        assertThat(findings).extracting(Finding::type).containsExactly("Order", "ParcelDelivery");
        assertThat(findings.get(1).data()).containsEntry("partOfOrder", Map.of("@type", "Order",
                "orderNumber", "NO-4711", "seller", Map.of("@type", "Organization",
                        "name", "Nordic Outdoor Shop GmbH")));
        assertThat(findings.get(0).data()).containsKey("orderDelivery");
    }

    @Test
    void shouldFindOrdersAndParcelsNestedInOtherItemsAndForwardedMails() {
        String nested = """
                [
                  {"@context": "https://schema.org", "@graph": [%s]},
                  {"@type": "Person", "name": "Eva", "subjectOf": {"@type": "EmailMessage", "about": %s}}
                ]
                """.formatted(ORDER, PARCEL);

        assertThat(connector.extract(forwarding(withMarkup(nested)))).extracting(Finding::type)
                .containsExactly("Order", "ParcelDelivery");
    }

    @Test
    void shouldCountAnOrderMarkedUpTwiceOnce() {
        assertThat(connector.extract(withMarkup("[" + ORDER + "," + ORDER + "]"))).hasSize(1);
    }

    @Test
    void shouldFindNothingInMarkupThatIsNoPurchase() {
        String other = """
                [
                  {"@type": "Organization", "name": "ACME"},
                  {"@type": "Product", "name": "Tent", "offers": {"@type": "Offer", "price": "119.00"}},
                  {"@type": "EmailMessage", "potentialAction": {"@type": "ViewAction", "url": "https://x"}},
                  {"@type": "FlightReservation", "reservationNumber": "RXJ34P",
                   "reservationFor": {"@type": "Flight", "flightNumber": "110"}},
                  {"@type": "Invoice", "referencesOrder": {"@type": "Order", "orderNumber": "SUB-1"}},
                  {"@type": "Product", "potentialAction": {"@type": "BuyAction",
                    "result": {"@type": "Order", "orderNumber": "template"}}}
                ]
                """;

        assertThat(connector.extract(withMarkup(other))).isEmpty();
    }

    @Test
    void shouldTurnABillIntoAnInvoiceFindingKeyedByIssuerAndNumber() {
        String bill = """
                {"@context": "http://schema.org", "@type": "Invoice", "confirmationNumber": "INV-2027-0142",
                 "provider": {"@type": "Organization", "name": "Northwind Energy Ltd."},
                 "totalPaymentDue": {"@type": "PriceSpecification", "price": "84.20", "priceCurrency": "GBP"},
                 "paymentDueDate": "2027-01-15", "paymentStatus": "http://schema.org/PaymentDue"}
                """;
        String paid = bill.replace("PaymentDue\"}", "PaymentComplete\"}")
                .replace("Northwind Energy Ltd.", "NORTHWIND ENERGY");

        List<Finding> findings = connector.extract(withMarkup(bill));

        assertThat(findings).singleElement().satisfies(invoice -> {
            assertThat(invoice.type()).isEqualTo("Invoice");
            assertThat(invoice.data()).containsEntry("confirmationNumber", "INV-2027-0142")
                    .containsEntry("paymentDueDate", "2027-01-15");
            assertThat(JsonLd.text(invoice.data(), "totalPaymentDue", "price")).contains("84.20");
        });
        assertThat(connector.extract(withMarkup(paid))).singleElement()
                .satisfies(update -> assertThat(update.key()).isEqualTo(findings.getFirst().key()));
    }

    @Test
    void shouldSkipAnInvoiceThatSaysNeitherItsNumberNorWhatIsOwed() {
        String numberless = """
                {"@type": "Invoice", "provider": {"@type": "Organization", "name": "Northwind Energy"},
                 "totalPaymentDue": {"@type": "MonetaryAmount", "value": 84.2, "currency": "GBP"}}
                """;
        String pointer = """
                {"@type": "Invoice", "identifier": "INV-7", "provider": "Northwind Energy"}
                """;

        assertThat(connector.extract(withMarkup(numberless))).isEmpty();
        assertThat(connector.extract(withMarkup(pointer))).isEmpty();
    }

    @Test
    void shouldSkipAnOrderWithoutNumber() {
        String numberless = """
                {"@type": "Order", "merchant": {"@type": "Organization", "name": "Cloud Hosting"}, "price": "12.00"}
                """;

        assertThat(connector.extract(withMarkup(numberless))).isEmpty();
    }

    @Test
    void shouldSurviveBrokenMarkup() {
        String broken = """
                [
                  {"@type": 7, "orderNumber": "x"},
                  {"@type": "Order", "merchant": 42, "orderNumber": {"@type": "Text"}, "acceptedOffer": "one"},
                  {"@type": ["Order", null, 3], "orderNumber": 1234, "seller": [[], {"name": ["", "Shop"]}],
                   "orderDelivery": ["soon", {"@type": "ParcelDelivery", "trackingNumber": 99, "carrier": true}]},
                  {"@type": "ParcelDelivery", "trackingNumber": ["", "  "], "carrier": [], "partOfOrder": "DG-1"},
                  {"@type": "ParcelDelivery", "trackingNumber": {}, "partOfOrder": {"orderNumber": []}}
                ]
                """;

        assertThatCode(() -> connector.extract(withMarkup(broken))).doesNotThrowAnyException();
        assertThat(connector.extract(withMarkup(broken))).extracting(Finding::type)
                .containsExactly("Order", "ParcelDelivery");
    }
}
