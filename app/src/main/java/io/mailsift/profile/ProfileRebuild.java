package io.mailsift.profile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.mailsift.finding.UserFindingsLock;
import io.mailsift.profile.OrderReader.Order;
import io.mailsift.profile.RepeatDetector.Purchase;
import io.mailsift.profile.RepeatDetector.Repeat;
import io.mailsift.profile.SpendLines.Line;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds one user's profile rows from their {@code Order} findings: deletes what was derived, derives it again, in
 * one transaction. Idempotent, and safe with several nodes: the user's {@link UserFindingsLock} makes rebuilds of the
 * same user (and deletions of their findings) take turns, and each reads the findings committed when its turn comes.
 */
@Component
class ProfileRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProfileRebuild.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    static final String ORDER_TYPE = "Order";

    private record OrderFinding(long findingId, long accountId, String payload, @Nullable Instant messageDate) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Taxonomy taxonomy;

    ProfileRebuild(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, JsonMapper json,
            Taxonomy taxonomy) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.json = json;
        this.taxonomy = taxonomy;
    }

    /** Derives the user's profile again from the findings of the mailboxes they have now. */
    void rebuild(long userId) {
        transaction.executeWithoutResult(status -> {
            UserFindingsLock.hold(jdbc, userId);
            jdbc.sql("DELETE FROM purchase_orders WHERE user_id = :userId").param("userId", userId).update();
            jdbc.sql("DELETE FROM repeat_purchases WHERE user_id = :userId").param("userId", userId).update();
            List<Purchase> purchases = new ArrayList<>();
            int orders = 0;
            Set<String> seen = new HashSet<>();
            for (OrderFinding finding : orderFindings(userId)) {
                Optional<Order> read = OrderReader.read(json.readValue(finding.payload(), JSON_OBJECT),
                        finding.messageDate());
                if (read.isEmpty()) {
                    continue;
                }
                Order order = read.get();
                // The same order seen in two of the user's mailboxes (a forwarded confirmation) counts once: the
                // newest finding wins, as they come newest first.
                if (order.orderNumber() != null && !seen.add(String.join("", NameWords.of(order.merchant()))
                        + "\u0000" + order.orderNumber().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                orders++;
                List<Line> lines = SpendLines.of(order, taxonomy);
                store(userId, finding, order, lines);
                for (Line line : lines) {
                    if (line.itemKey() != null) {
                        purchases.add(new Purchase(line.itemKey(), line.itemName(), line.category(),
                                order.orderDate(), finding.accountId()));
                    }
                }
            }
            List<Repeat> repeats = RepeatDetector.detect(purchases);
            storeRepeats(userId, repeats);
            log.debug("Profile of user {} rebuilt: {} orders, {} repeat purchases", userId, orders, repeats.size());
        });
    }

    /** Every user who has an order finding: for the first start after the profile was added. */
    List<Long> usersWithOrdersButNoProfile() {
        return jdbc.sql("""
                SELECT DISTINCT a.user_id FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE f.type = :type
                  AND NOT EXISTS (SELECT 1 FROM purchase_orders o WHERE o.user_id = a.user_id)""")
                .param("type", ORDER_TYPE).query(Long.class).list();
    }

    private List<OrderFinding> orderFindings(long userId) {
        return jdbc.sql("""
                SELECT f.id, f.account_id, f.payload::text AS payload, f.message_date
                FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                -- Only connectors the user lets read the mailbox: a disabled one's orders (whose findings the user
                -- may keep) must not shape the profile or the co-purchase patterns other users are shown.
                JOIN account_connectors c ON c.account_id = f.account_id AND c.connector_id = f.connector_id
                WHERE a.user_id = :userId AND f.type = :type
                ORDER BY f.message_date DESC NULLS LAST, f.id DESC""")
                .param("userId", userId).param("type", ORDER_TYPE)
                .query((row, n) -> {
                    Timestamp date = row.getTimestamp("message_date");
                    return new OrderFinding(row.getLong("id"), row.getLong("account_id"), row.getString("payload"),
                            date == null ? null : date.toInstant());
                }).list();
    }

    private void store(long userId, OrderFinding finding, Order order, List<Line> lines) {
        jdbc.sql("""
                INSERT INTO purchase_orders (finding_id, account_id, user_id, merchant, order_number, order_date,
                                             status, counts, total, currency)
                VALUES (:findingId, :accountId, :userId, :merchant, :orderNumber, :orderDate, :status, :counts,
                        :total, :currency)""")
                .param("findingId", finding.findingId())
                .param("accountId", finding.accountId())
                .param("userId", userId)
                .param("merchant", order.merchant())
                .param("orderNumber", order.orderNumber())
                .param("orderDate", Date.valueOf(order.orderDate()))
                .param("status", order.status())
                .param("counts", order.counts())
                .param("total", order.total())
                .param("currency", order.currency())
                .update();
        batch.batchUpdate("""
                INSERT INTO purchase_lines (finding_id, account_id, user_id, item_key, item_name, category, quantity,
                                            amount, currency, order_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                lines.stream().map(line -> new Object[] {finding.findingId(), finding.accountId(), userId,
                        line.itemKey(), line.itemName(), line.category().id(), line.quantity(), line.amount(),
                        line.currency(), Date.valueOf(order.orderDate())}).toList());
    }

    private void storeRepeats(long userId, List<Repeat> repeats) {
        batch.batchUpdate("""
                INSERT INTO repeat_purchases (user_id, item_key, item_name, category, purchases, interval_days,
                                              spread_days, first_date, last_date, next_expected, source_account_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT[]))""",
                repeats.stream().map(repeat -> new Object[] {userId, repeat.itemKey(), repeat.itemName(),
                        repeat.category().id(), repeat.purchases(), repeat.intervalDays(), repeat.spreadDays(),
                        Date.valueOf(repeat.firstDate()), Date.valueOf(repeat.lastDate()),
                        Date.valueOf(repeat.nextExpected()),
                        repeat.accountIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))})
                        .toList());
    }
}
