package io.mailsift.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.mailsift.connector.Email;
import io.mailsift.connector.testkit.EmlFixtures;
import io.mailsift.purchases.tracking.TrackingNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled corpus of the purchase quality bench ({@code bench/purchase-corpus}, see its README) stays readable:
 * every mail parses as MIME, every label file parses and says only what the scorer knows, every labelled tracking
 * number is valid for its carrier by the bundled carrier data, and the markup each label claims is what the mail
 * carries, so the "with / without markup" split of the figures is honest. It checks the corpus, not the connector:
 * no extraction runs here.
 */
class PurchaseCorpusFilesTest {

    private static final Path CORPUS = Path.of(System.getProperty("basedir", "."))
            .resolve("../../bench/purchase-corpus").normalize();

    private static final Set<String> ORDER_FIELDS = Set.of("orderNumber", "merchant", "orderDate", "items",
            "subtotal", "tax", "shipping", "discount", "total", "currency", "status");
    private static final Set<String> MONEY_FIELDS = Set.of("subtotal", "tax", "shipping", "discount", "total");
    private static final Set<String> PARCEL_FIELDS = Set.of("trackingNumber", "carrier", "status", "orderNumber");
    private static final Set<String> ORDER_STATUSES = Set.of("OrderProcessing", "OrderInTransit", "OrderDelivered",
            "OrderCancelled", "OrderReturned");
    private static final Set<String> PARCEL_STATUSES = Set.of("OrderInTransit", "OrderOutForDelivery",
            "OrderDelivered");
    /** The carriers the labels name, and the carrier of the bundled data whose formats their numbers follow. */
    private static final Map<String, String> CARRIER_DATA = Map.ofEntries(
            Map.entry("UPS", "ups"), Map.entry("FedEx", "fedex"), Map.entry("USPS", "usps"), Map.entry("DHL", "dhl"),
            Map.entry("DPD", "dpd"), Map.entry("Yodel", "yodel"), Map.entry("OnTrac", "ontrac"),
            Map.entry("Amazon Logistics", "amazon"), Map.entry("Royal Mail", "s10"), Map.entry("Colissimo", "s10"),
            Map.entry("Chronopost", "s10"));

    /** A corpus mail with its labels, named by its path in the corpus (the parameterized tests' display name). */
    record LabelledMail(Path eml, Map<String, Object> labels) {

        @SuppressWarnings("unchecked")
        static LabelledMail read(Path eml) {
            String name = eml.getFileName().toString();
            Path labels = eml.resolveSibling(name.replaceFirst("\\.eml$", ".labels.json"));
            try {
                return new LabelledMail(eml, TestMails.JSON.readValue(Files.readString(labels), Map.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean negative() {
            return labels.get("negative") == Boolean.TRUE;
        }

        List<Map<String, Object>> entries(String kind) {
            return list(labels.get(kind));
        }

        @Override
        public String toString() {
            return CORPUS.relativize(eml).toString();
        }
    }

    static List<LabelledMail> corpus() {
        try (Stream<Path> files = Files.find(CORPUS, 2, (path, attributes) -> path.toString().endsWith(".eml"))) {
            return files.sorted().map(LabelledMail::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldHoldAtLeastEightyMailsOfWhichFifteenNegatives() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(80)
                .filteredOn(LabelledMail::negative).hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void shouldParseEveryMailAndItsLabelsAndCarryTheMarkupTheyClaim(LabelledMail mail) throws IOException {
        Email email = EmlFixtures.parse(Files.readAllBytes(mail.eml()));
        Map<String, Object> labels = mail.labels();

        assertThat(email.headers().subject()).as("Subject of %s", mail).isNotBlank();
        assertThat(labels.get("language")).isIn("en", "fr", "de");
        assertThat(labels.get("country")).isIn("US", "GB", "FR", "DE");
        assertThat(labels.get("markup")).isIn("schema.org", "none");
        List<Map<String, Object>> orders = mail.entries("orders");
        List<Map<String, Object>> parcels = mail.entries("parcels");
        if (mail.negative()) {
            assertThat(orders).as("orders of negative %s", mail).isEmpty();
            assertThat(parcels).as("parcels of negative %s", mail).isEmpty();
        } else {
            assertThat(orders.size() + parcels.size()).as("orders and parcels of %s", mail).isPositive();
        }
        orders.forEach(order -> assertWellFormedOrder(mail, order));
        parcels.forEach(parcel -> assertWellFormedParcel(mail, parcel));
        if (labels.get("markup").equals("none")) {
            assertThat(email.allStructuredData()).as("schema.org items in %s", mail).isEmpty();
        } else {
            assertThat(email.allStructuredData()).as("schema.org items in %s", mail).isNotEmpty();
        }
    }

    private static void assertWellFormedOrder(LabelledMail mail, Map<String, Object> order) {
        assertThat(order.keySet()).as("fields of an order in %s", mail).isSubsetOf(ORDER_FIELDS);
        assertThat(order).as("an order in %s", mail).containsKey("merchant");
        for (String money : MONEY_FIELDS) {
            if (order.containsKey(money)) {
                assertThat(new BigDecimal((String) order.get(money))).as("%s in %s", money, mail)
                        .isNotNegative();
            }
        }
        if (order.containsKey("total")) {
            assertThat((String) order.get("currency")).as("currency in %s", mail).matches("[A-Z]{3}");
        }
        if (order.containsKey("status")) {
            assertThat(order.get("status")).as("order status in %s", mail).isIn(ORDER_STATUSES);
        }
        for (Map<String, Object> item : list(order.getOrDefault("items", List.of()))) {
            assertThat(item.keySet()).as("an item in %s", mail).contains("name", "quantity")
                    .isSubsetOf("name", "quantity", "unitPrice");
            assertThat((Integer) item.get("quantity")).isPositive();
            if (item.containsKey("unitPrice")) {
                assertThat(new BigDecimal((String) item.get("unitPrice"))).isPositive();
            }
        }
    }

    private static void assertWellFormedParcel(LabelledMail mail, Map<String, Object> parcel) {
        assertThat(parcel.keySet()).as("fields of a parcel in %s", mail).isSubsetOf(PARCEL_FIELDS)
                .contains("trackingNumber", "carrier", "status");
        assertThat(parcel.get("status")).as("parcel status in %s", mail).isIn(PARCEL_STATUSES);
        String carrier = CARRIER_DATA.get((String) parcel.get("carrier"));
        assertThat(carrier).as("carrier %s in %s", parcel.get("carrier"), mail).isNotNull();
        assertThat(TrackingNumbers.validate(carrier, (String) parcel.get("trackingNumber")))
                .as("tracking number %s of %s in %s", parcel.get("trackingNumber"), carrier, mail).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
