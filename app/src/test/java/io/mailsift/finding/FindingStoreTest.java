package io.mailsift.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import io.mailsift.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Writing and reading findings against the real schema. */
class FindingStoreTest {

    private static final JdbcClient jdbc = JdbcClient.create(TestPostgres.newMigratedDatabase());
    private static final JsonMapper json = JsonMapper.builder().build();

    private final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final FindingStore store = new FindingStore(jdbc, json, events::add);
    private final FindingQueries queries = new FindingQueries(jdbc, json);

    @Test
    void shouldUpdateTheFindingWithTheSameKeyInsteadOfAddingOne() {
        long account = account(user("upsert-user"), "home");
        Instant firstDate = Instant.parse("2027-02-15T08:12:00Z");
        store.upsert(account, "travel", flight("AU 412", "10:35"),
                new Provenance("first@air.example", firstDate, "air.example", "INBOX", 1L));
        store.upsert(account, "travel", flight("AU 412", "11:05"),
                new Provenance("change@air.example", firstDate.plusSeconds(3600), "air.example", "INBOX", 7L));

        List<StoredFinding> found = queries.latestForUser(userId("upsert-user"), 10);

        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(FindingsChanged.class));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.payload()).containsEntry("departureTime", "11:05").containsEntry("@type",
                    "FlightReservation");
            assertThat(f.provenance().messageId()).isEqualTo("change@air.example");
            assertThat(f.provenance().uid()).isEqualTo(7L);
            assertThat(f.provenance().messageDate()).isEqualTo(firstDate.plusSeconds(3600));
            assertThat(f.accountName()).isEqualTo("home");
            assertThat(f.connectorId()).isEqualTo("travel");
        });
    }

    @Test
    void shouldStoreABatchOfFindingsWithTheLastOfEqualKeysWinningAndAnnounceOnce() {
        long account = account(user("batch-user"), "home");
        store.upsertAll(account, List.of(
                new FindingStore.ConnectorFinding("travel", flight("AU 7", "07:00"), message(1)),
                new FindingStore.ConnectorFinding("travel", flight("AU 8", "08:00"), message(2)),
                new FindingStore.ConnectorFinding("purchases", flight("AU 7", "07:00"), message(2)),
                new FindingStore.ConnectorFinding("travel", flight("AU 7", "07:30"), message(3))));

        assertThat(events).containsExactly(new FindingsChanged(account));
        assertThat(queries.latestForUser(userId("batch-user"), 10))
                .extracting(f -> f.connectorId() + " " + f.payload().get("flight") + " "
                        + f.payload().get("departureTime") + " uid " + f.provenance().uid())
                .containsExactlyInAnyOrder("travel AU 7 07:30 uid 3", "travel AU 8 08:00 uid 2",
                        "purchases AU 7 07:00 uid 2");
    }

    @Test
    void shouldKeepTheConfirmationsItemsAndTotalWhenALaterShippingNoticeSetsTheStatus() {
        long account = account(user("merge-user"), "home");
        Instant ordered = Instant.parse("2026-11-02T09:00:00Z");
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-1", "price", "35.99",
                "acceptedOffer", List.of(Map.of("@type", "Offer", "price", "35.99")),
                "orderStatus", "https://schema.org/OrderProcessing")), dated("confirmation", ordered, 1));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-1",
                "orderStatus", "https://schema.org/OrderInTransit")), dated("shipped", ordered.plusSeconds(86_400), 2));

        assertThat(queries.latestForUser(userId("merge-user"), 10)).singleElement().satisfies(f -> {
            assertThat(f.payload()).containsEntry("price", "35.99")
                    .containsEntry("orderStatus", "https://schema.org/OrderInTransit")
                    .containsKey("acceptedOffer");
            assertThat(f.provenance().messageId()).isEqualTo("shipped@shop.example");
        });
    }

    @Test
    void shouldNotMoveTheStatusBackWhenAnOlderMailIsReadAfterANewerOne() {
        long account = account(user("older-user"), "home");
        Instant ordered = Instant.parse("2026-11-02T09:00:00Z");
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-2",
                "orderStatus", "https://schema.org/OrderDelivered")), dated("delivered", ordered.plusSeconds(3 * 86_400), 3));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-2", "price", "12.00",
                "orderStatus", "https://schema.org/OrderProcessing")), dated("confirmation", ordered, 1));

        assertThat(queries.latestForUser(userId("older-user"), 10)).singleElement().satisfies(f -> {
            assertThat(f.payload()).containsEntry("orderStatus", "https://schema.org/OrderDelivered")
                    .containsEntry("price", "12.00");
            assertThat(f.provenance().messageId()).isEqualTo("delivered@shop.example");
            assertThat(f.provenance().uid()).isEqualTo(3L);
        });
    }

    @Test
    void shouldKeepADeliveredOrderDeliveredWhenItsConfirmationIsSentAgainLater() {
        long account = account(user("resent-user"), "home");
        Instant ordered = Instant.parse("2026-11-02T09:00:00Z");
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-3", "price", "20.00",
                "orderStatus", "https://schema.org/OrderProcessing")), dated("confirmation", ordered, 1));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-3",
                "orderStatus", "https://schema.org/OrderDelivered")), dated("delivered", ordered.plusSeconds(86_400), 2));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-3", "price", "21.00",
                "orderStatus", "https://schema.org/OrderProcessing")), dated("resent", ordered.plusSeconds(2 * 86_400), 3));

        assertThat(queries.latestForUser(userId("resent-user"), 10)).singleElement().satisfies(f -> {
            assertThat(f.payload()).containsEntry("orderStatus", "https://schema.org/OrderDelivered")
                    .containsEntry("price", "21.00");
            assertThat(f.provenance().messageId()).isEqualTo("resent@shop.example");
        });
    }

    @Test
    void shouldKeepADeliveredParcelDeliveredWhenALateShippingNoticeArrives() {
        long account = account(user("parcel-user"), "home");
        Instant shipped = Instant.parse("2026-11-03T09:00:00Z");
        store.upsert(account, "purchases", parcel("1Z999AA10123456784", "OrderDelivered"), dated("delivered", shipped, 1));
        store.upsert(account, "purchases", parcel("1Z999AA10123456784", "OrderInTransit"),
                dated("shipped", shipped.plusSeconds(3600), 2));

        assertThat(queries.latestForUser(userId("parcel-user"), 10)).singleElement().satisfies(f ->
                assertThat(f.payload().get("deliveryStatus")).isEqualTo(Map.of("@type", "DeliveryEvent",
                        "name", "OrderDelivered")));
    }

    @Test
    void shouldLetAReturnOrAProblemFollowWhereTheStatusStood() {
        long account = account(user("forward-user"), "home");
        Instant ordered = Instant.parse("2026-11-02T09:00:00Z");
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-4",
                "orderStatus", "https://schema.org/OrderDelivered")), dated("delivered", ordered, 1));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-4",
                "orderStatus", "https://schema.org/OrderReturned")), dated("returned", ordered.plusSeconds(86_400), 2));
        store.upsert(account, "purchases", parcel("JJD0002249582130", "OrderOutForDelivery"), dated("out", ordered, 3));
        store.upsert(account, "purchases", parcel("JJD0002249582130", "OrderProblem"),
                dated("problem", ordered.plusSeconds(3600), 4));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-5",
                "orderStatus", "https://schema.org/OrderProcessing")), dated("unknown-before", ordered, 5));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-5", "orderStatus", "Shipped by seller")),
                dated("unknown-after", ordered.plusSeconds(3600), 6));

        assertThat(queries.latestForUser(userId("forward-user"), 10))
                .extracting(f -> f.payload().get("orderStatus") != null ? f.payload().get("orderStatus")
                        : ((Map<?, ?>) f.payload().get("deliveryStatus")).get("name"))
                .containsExactlyInAnyOrder("https://schema.org/OrderReturned", "OrderProblem",
                        "https://schema.org/OrderProcessing");
    }

    @Test
    void shouldShowADeliveryProblemUntilANewerMailSaysWhereTheParcelIs() {
        long account = account(user("problem-user"), "home");
        Instant shipped = Instant.parse("2026-11-03T09:00:00Z");
        store.upsert(account, "purchases", parcel("JVGL0612345678", "OrderInTransit"), dated("shipped", shipped, 1));
        store.upsert(account, "purchases", parcel("JVGL0612345678", "OrderProblem"),
                dated("failed", shipped.plusSeconds(86_400), 2));
        assertThat(status(userId("problem-user"))).isEqualTo("OrderProblem");

        store.upsert(account, "purchases", parcel("JVGL0612345678", "OrderInTransit"),
                dated("again", shipped.plusSeconds(2 * 86_400), 3));
        assertThat(status(userId("problem-user"))).isEqualTo("OrderInTransit");

        // A backfill reading the old problem notice after the delivery does not bring the problem back.
        store.upsert(account, "purchases", parcel("JVGL0612345678", "OrderDelivered"),
                dated("delivered", shipped.plusSeconds(3 * 86_400), 4));
        store.upsert(account, "purchases", parcel("JVGL0612345678", "OrderProblem"),
                dated("failed", shipped.plusSeconds(86_400), 2));
        assertThat(status(userId("problem-user"))).isEqualTo("OrderDelivered");
    }

    @Test
    void shouldKeepTheDeliveryReadLaterFromAnOlderMailThanAReSentConfirmation() {
        long account = account(user("backfill-user"), "home");
        Instant ordered = Instant.parse("2026-11-02T09:00:00Z");
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-6",
                "orderStatus", "https://schema.org/OrderProcessing")), dated("resent", ordered.plusSeconds(5 * 86_400), 5));
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-6",
                "orderStatus", "https://schema.org/OrderDelivered")), dated("delivered", ordered.plusSeconds(86_400), 2));

        assertThat(queries.latestForUser(userId("backfill-user"), 10)).singleElement().satisfies(f -> {
            assertThat(f.payload()).containsEntry("orderStatus", "https://schema.org/OrderDelivered");
            assertThat(f.provenance().messageId()).isEqualTo("resent@shop.example");
        });
    }

    private String status(long userId) {
        return String.valueOf(((Map<?, ?>) queries.latestForUser(userId, 10).getFirst().payload()
                .get("deliveryStatus")).get("name"));
    }

    @Test
    void shouldMergeEqualKeysOfOneBatchAsOneUpsertAfterTheOther() {
        long account = account(user("batch-merge-user"), "home");
        Instant ordered = Instant.parse("2026-11-02T09:00:00Z");
        store.upsertAll(account, List.of(
                new FindingStore.ConnectorFinding("purchases", order(Map.of("orderNumber", "A-3",
                        "orderStatus", "https://schema.org/OrderInTransit")), dated("shipped", ordered.plusSeconds(60), 2)),
                new FindingStore.ConnectorFinding("purchases", order(Map.of("orderNumber", "A-3", "price", "9.50",
                        "orderStatus", "https://schema.org/OrderProcessing")), dated("confirmation", ordered, 1))));

        assertThat(queries.latestForUser(userId("batch-merge-user"), 10)).singleElement().satisfies(f -> {
            assertThat(f.payload()).containsEntry("orderStatus", "https://schema.org/OrderInTransit")
                    .containsEntry("price", "9.50");
            assertThat(f.provenance().uid()).isEqualTo(2L);
        });
    }

    @Test
    void shouldRankAStoredFindingAboveAnOlderOneOfTheBatchWhateverComesAfterIt() {
        long account = account(user("batch-rank-user"), "home");
        Instant ordered = Instant.parse("2026-11-02T09:00:00Z");
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-4",
                "orderStatus", "https://schema.org/OrderInTransit")), dated("shipped", ordered.plusSeconds(86_400), 2));
        store.upsertAll(account, List.of(
                new FindingStore.ConnectorFinding("purchases", order(Map.of("orderNumber", "A-4", "price", "3.00",
                        "orderStatus", "https://schema.org/OrderProcessing")), dated("confirmation", ordered, 1)),
                new FindingStore.ConnectorFinding("purchases", order(Map.of("orderNumber", "A-4",
                        "trackingUrl", "https://track.example/1")), dated("link", ordered.plusSeconds(2 * 86_400), 3))));

        assertThat(queries.latestForUser(userId("batch-rank-user"), 10)).singleElement().satisfies(f ->
                assertThat(f.payload()).containsEntry("orderStatus", "https://schema.org/OrderInTransit")
                        .containsEntry("price", "3.00").containsEntry("trackingUrl", "https://track.example/1"));
    }

    @Test
    void shouldLetADatedMailUpdateAFindingStoredFromAMailWithoutDate() {
        long account = account(user("dateless-user"), "home");
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-5",
                "orderStatus", "https://schema.org/OrderProcessing")), unknownMessage());
        store.upsert(account, "purchases", order(Map.of("orderNumber", "A-5",
                "orderStatus", "https://schema.org/OrderDelivered")), dated("delivered", Instant.now(), 4));

        assertThat(queries.latestForUser(userId("dateless-user"), 10)).singleElement().satisfies(f ->
                assertThat(f.payload()).containsEntry("orderStatus", "https://schema.org/OrderDelivered"));
    }

    @Test
    void shouldStoreNothingAndAnnounceNothingForAnEmptyBatch() {
        store.upsertAll(account(user("empty-batch-user"), "home"), List.of());

        assertThat(events).isEmpty();
    }

    @Test
    void shouldOnlyReturnTheFindingsOfTheAskingUserNewestFirst() {
        long alice = user("scoped-alice");
        long bob = user("scoped-bob");
        long alicesAccount = account(alice, "home");
        store.upsert(alicesAccount, "travel", flight("AU 1", "08:00"), unknownMessage());
        store.upsert(alicesAccount, "travel", flight("AU 2", "09:00"), unknownMessage());
        store.upsert(account(bob, "home"), "travel", flight("AU 3", "10:00"), unknownMessage());

        assertThat(queries.latestForUser(alice, 10)).extracting(f -> f.payload().get("flight"))
                .containsExactly("AU 2", "AU 1");
        assertThat(queries.latestForUser(bob, 10)).extracting(f -> f.payload().get("flight"))
                .containsExactly("AU 3");
        assertThat(queries.latestForUser(alice, 1)).hasSize(1);
    }

    private static Finding flight(String flight, String departure) {
        return new Finding("FlightReservation", "key-" + flight, Map.of("flight", flight, "departureTime", departure));
    }

    private static Finding order(Map<String, Object> data) {
        return new Finding("Order", "order-" + data.get("orderNumber"), data);
    }

    private static Finding parcel(String trackingNumber, String status) {
        return new Finding("ParcelDelivery", "parcel-" + trackingNumber, Map.of("trackingNumber", trackingNumber,
                "deliveryStatus", Map.of("@type", "DeliveryEvent", "name", status)));
    }

    private static Provenance dated(String messageId, Instant date, long uid) {
        return new Provenance(messageId + "@shop.example", date, "shop.example", "INBOX", uid);
    }

    private static Provenance message(long uid) {
        return new Provenance("m" + uid + "@air.example", null, "air.example", "INBOX", uid);
    }

    private static Provenance unknownMessage() {
        return new Provenance(null, null, null, null, null);
    }

    private static long user(String name) {
        return jdbc.sql("INSERT INTO users (username) VALUES (:name) RETURNING id").param("name", name)
                .query(Long.class).single();
    }

    private static long userId(String name) {
        return jdbc.sql("SELECT id FROM users WHERE username = :name").param("name", name).query(Long.class).single();
    }

    private static long account(long user, String name) {
        return jdbc.sql("""
                INSERT INTO mail_accounts (user_id, name, host, port, security, username)
                VALUES (:user, :name, 'imap.example.org', 993, 'tls', 'me') RETURNING id""")
                .param("user", user).param("name", name).query(Long.class).single();
    }
}
