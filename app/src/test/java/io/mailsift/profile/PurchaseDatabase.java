package io.mailsift.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.mailsift.system.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A migrated PostgreSQL database with users, mailboxes and Order findings as the purchase connector stores them, and
 * the profile's real components over it, for tests without Spring.
 */
public final class PurchaseDatabase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ProfileRebuild rebuild;
    private final ShopperProfiles profiles;
    private final Taxonomy taxonomy = new Taxonomy();

    public PurchaseDatabase() {
        DataSource migrated = TestPostgres.newMigratedDatabase();
        DataSource dataSource;
        try {
            // One connection for the whole test: a new one per statement would make the random populations slow.
            dataSource = new SingleConnectionDataSource(migrated.getConnection(), true);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.rebuild = new ProfileRebuild(jdbc, new JdbcTemplate(dataSource), new TransactionTemplate(transactions),
                JSON, taxonomy);
        this.profiles = new ShopperProfiles(jdbc, taxonomy, transactions);
    }

    /** One item of an order: name, quantity, unit price (null for none). */
    public record Line(String name, int quantity, String unitPrice) {

        public static Line of(String name) {
            return new Line(name, 1, null);
        }
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public ShopperProfiles profiles() {
        return profiles;
    }

    public void rebuild(long userId) {
        rebuild.rebuild(userId);
    }

    public void deleteEverything() {
        jdbc.sql("TRUNCATE users RESTART IDENTITY CASCADE").update();
    }

    public long user(String name) {
        return jdbc.sql("INSERT INTO users (username) VALUES (:name) RETURNING id")
                .param("name", name + "-" + UUID.randomUUID()).query(Long.class).single();
    }

    public long mailbox(long userId) {
        return mailbox(jdbc, userId);
    }

    /**
     * A mailbox the user linked themselves (state idle, watched by nobody), in any database, whose purchase connector
     * may read it (only consented connectors feed the profile).
     */
    public static long mailbox(JdbcClient jdbc, long userId) {
        long id = jdbc.sql("""
                INSERT INTO mail_accounts (user_id, name, host, port, security, username, source, state)
                VALUES (:userId, :name, 'imap.example.org', 993, 'tls', 'me@example.org', 'user', 'idle')
                RETURNING id""").param("userId", userId).param("name", "box-" + UUID.randomUUID())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO account_connectors (account_id, connector_id) VALUES (:id, 'purchases')")
                .param("id", id).update();
        return id;
    }

    /** Stores an Order finding; returns its id. */
    public long order(long accountId, String merchant, String orderNumber, LocalDate date, String status,
            String total, String currency, List<Line> lines) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("@context", "https://schema.org");
        order.put("@type", "Order");
        order.put("merchant", Map.of("@type", "Organization", "name", merchant));
        order.put("orderNumber", orderNumber);
        order.put("orderDate", date.toString());
        order.put("orderStatus", "https://schema.org/" + status);
        if (total != null) {
            order.put("price", total);
            order.put("priceCurrency", currency);
        }
        List<Map<String, Object>> offers = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("@type", "Offer");
            offer.put("itemOffered", Map.of("@type", "Product", "name", line.name()));
            if (line.unitPrice() != null) {
                offer.put("price", line.unitPrice());
                offer.put("priceCurrency", currency);
            }
            offer.put("eligibleQuantity", Map.of("@type", "QuantitativeValue", "value", line.quantity()));
            offers.add(offer);
        }
        order.put("acceptedOffer", offers);
        return jdbc.sql("""
                INSERT INTO findings (account_id, connector_id, finding_key, type, payload, message_date)
                VALUES (:accountId, 'purchases', :key, 'Order', CAST(:payload AS jsonb), now())
                RETURNING id""")
                .param("accountId", accountId)
                .param("key", merchant + ":" + orderNumber)
                .param("payload", JSON.writeValueAsString(order))
                .query(Long.class).single();
    }

    /** A delivered order of items without prices, for patterns of who bought what. */
    public long order(long accountId, LocalDate date, String... items) {
        return order(accountId, "Shop", UUID.randomUUID().toString(), date, "OrderDelivered", null, null,
                java.util.Arrays.stream(items).map(Line::of).toList());
    }

    public int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }
}
