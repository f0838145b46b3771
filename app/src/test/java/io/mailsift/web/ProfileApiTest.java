package io.mailsift.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.mailsift.connector.Finding;
import io.mailsift.finding.FindingStore;
import io.mailsift.finding.Provenance;
import io.mailsift.profile.ProfileUpdates;
import io.mailsift.profile.PurchaseDatabase;
import io.mailsift.testing.BearerClient;
import io.mailsift.testing.SignedInSession;
import io.mailsift.testing.TestUsers;
import io.mailsift.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The profile and recommendations over HTTP, kept current by the findings' change events: each user sees their own
 * profile only, co-purchases surface at k other users, and unlinking a mailbox removes what came from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the default k = 10
@Import(TestUsers.class)
class ProfileApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindingStore findings;

    @Autowired
    ProfileUpdates updates;

    private final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 26).replaceAll("[0-9]", "z");
    private TestUser alice;
    private long alicesHome;
    private long alicesWork;

    @BeforeEach
    void aliceBuysCoffeeEveryMonthAndOthersBuyAFrotherWithIt() {
        alice = users.create("alice");
        alicesHome = mailbox(alice.id());
        alicesWork = mailbox(alice.id());
        for (int month = 1; month <= 3; month++) {
            order(alicesHome, "Alices Roastery", "R" + month, TODAY.minusDays(30L * month), "coffee beans", "24.00");
        }
        order(alicesWork, "Secret Lingerie Shop", "S1", TODAY.minusDays(5), "silk gown", "80.00");
        for (int i = 0; i < 10; i++) {
            String name = "buyer" + i;
            long mailbox = mailbox(shopper(name));
            order(mailbox, "Coffee World", name + "1", TODAY.minusDays(9), "coffee beans", "20.00");
            order(mailbox, "Coffee World", name + "2", TODAY.minusDays(8), "milk frother", "35.00");
        }
        long dave = mailbox(shopper("dave"));
        order(dave, "Gifts", "D1", TODAY.minusDays(3), "coffee beans", "20.00");
        // Only Dave bought it (each test's Dave a different mug, as the tests share one database).
        order(dave, "Gifts", "D2", TODAY.minusDays(3), "engraved mug for rosa " + tag, "15.00");
        awaitRebuilds();
    }

    @Test
    void shouldShowTheSignedInUserHerProfileWithSpendAndRepeatPurchases() throws Exception {
        try (SignedInSession session = SignedInSession.signIn(base(), alice)) {
            JsonNode profile = JSON.readTree(session.get("/api/profile").body());

            assertThat(profile.get("orders").asInt()).isEqualTo(4);
            assertThat(profile.get("byMerchant").toString()).contains("Alices Roastery", "72.00", "EUR");
            assertThat(profile.get("repeats").get(0).get("itemKey").asString()).isEqualTo("coffee beans");
            assertThat(profile.get("repeats").get(0).get("intervalDays").asInt()).isEqualTo(30);
        }
    }

    @Test
    void shouldExplainEveryRecommendationAndSuggestWhatKOtherUsersBoughtOnly() throws Exception {
        String body = bearer(alice, "/api/recommendations");
        JsonNode recommendations = JSON.readTree(body);

        assertThat(recommendations.findValuesAsString("kind")).contains("replenishment", "co-purchase");
        assertThat(body).contains("You buy coffee beans about every 30 days; last on ")
                .contains("At least 10 other shoppers who bought coffee beans also bought milk frother.")
                .doesNotContain("engraved", "rosa", "Coffee World", "Gifts", "buyer", "dave");
        for (JsonNode recommendation : recommendations) {
            assertThat(recommendation.get("reason").asString()).isNotBlank();
        }
    }

    @Test
    void shouldShowAnotherUserNothingOfAlicesPurchases() throws Exception {
        TestUser eve = users.create("eve");
        mailbox(eve.id());

        String profile = bearer(eve, "/api/profile");
        String recommendations = bearer(eve, "/api/recommendations");

        assertThat(profile).doesNotContain("Alices Roastery", "Secret Lingerie", "silk", "coffee");
        assertThat(JSON.readTree(profile).get("orders").asInt()).isZero();
        assertThat(recommendations).isEqualTo("[]");
    }

    @Test
    void shouldForgetWhatCameFromAnUnlinkedMailbox() throws Exception {
        assertThat(bearer(alice, "/api/profile")).contains("Secret Lingerie Shop");

        try (BearerClient client = new BearerClient(base(), users.issueToken(alice.id()))) {
            assertThat(client.delete("/api/accounts/" + alicesWork).statusCode()).isBetween(200, 299);
        }
        awaitRebuilds();

        assertThat(bearer(alice, "/api/profile")).doesNotContain("Secret Lingerie Shop")
                .contains("Alices Roastery");
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_lines WHERE account_id = :id").param("id", alicesWork)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_orders WHERE account_id = :id").param("id", alicesWork)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void shouldDropAndTakeBackAMailboxsOrdersWhenTheUserDisablesAndEnablesTheConnectorWithoutANewMail()
            throws Exception {
        try (BearerClient client = new BearerClient(base(), users.issueToken(alice.id()))) {
            String connector = "/api/accounts/" + alicesWork + "/connectors/purchases";

            assertThat(client.delete(connector).statusCode()).isEqualTo(200);
            awaitRebuilds();
            assertThat(bearer(alice, "/api/profile")).doesNotContain("Secret Lingerie Shop").contains("Alices Roastery");

            assertThat(client.put(connector).statusCode()).isEqualTo(200);
            awaitRebuilds();
            assertThat(bearer(alice, "/api/profile")).contains("Secret Lingerie Shop");
        }
    }

    @Test
    void shouldServeThePageLinkedFromTheFindingsPageAndInsertOnlyText() throws Exception {
        try (SignedInSession session = SignedInSession.signIn(base(), alice)) {
            assertThat(session.get("/index.html").body()).contains("href=\"/profile.html\"");
            String page = session.get("/profile.html").body();
            String script = session.get("/profile.js").body();

            assertThat(page).contains("<script src=\"/profile.js\"></script>").doesNotContain("style=", "onclick");
            assertThat(script).contains("textContent")
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "document.write");
        }
    }

    @Test
    void shouldRefuseTheApiWithoutASignedInUser() throws Exception {
        try (SignedInSession anonymous = SignedInSession.anonymous(base())) {
            assertThat(anonymous.get("/api/profile").statusCode()).isIn(302, 401, 403);
            assertThat(anonymous.get("/api/recommendations").statusCode()).isIn(302, 401, 403);
        }
    }

    /** A user who never signs in here: made without a password, which the sign-in tests' hashing would slow. */
    private long shopper(String name) {
        return jdbc.sql("INSERT INTO users (username) VALUES (:name) RETURNING id")
                .param("name", name + "-" + tag + "-" + System.nanoTime()).query(Long.class).single();
    }

    private long mailbox(long userId) {
        return PurchaseDatabase.mailbox(jdbc, userId);
    }

    private void order(long accountId, String merchant, String number, LocalDate date, String item, String total) {
        Map<String, Object> order = Map.of(
                "merchant", Map.of("@type", "Organization", "name", merchant),
                "orderNumber", number,
                "orderDate", date.toString(),
                "orderStatus", "https://schema.org/OrderDelivered",
                "price", total,
                "priceCurrency", "EUR",
                "acceptedOffer", Map.of("@type", "Offer", "itemOffered", Map.of("name", item), "price", total,
                        "priceCurrency", "EUR"));
        findings.upsert(accountId, "purchases", new Finding("Order", merchant + ":" + number, order),
                new Provenance(null, null, null, "INBOX", null));
    }

    private void awaitRebuilds() {
        await().atMost(Duration.ofSeconds(20)).until(updates::idle);
    }

    private String bearer(TestUser user, String path) throws Exception {
        try (BearerClient client = new BearerClient(base(), users.issueToken(user.id()))) {
            var response = client.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
