package io.mailsift.recommendation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Items other users bought together with one of the requester's items, k-anonymously. The pattern "bought A, also
 * bought B" is shared by the distinct users other than the requester who have A and B among the items of their
 * counted orders (any of their mailboxes; a user counts once however often they bought). B is suggested only when at
 * least k users share the pattern with an A the requester bought, and only when the requester never bought B. The
 * count is compared with k in the database and never leaves it; items are named by their normalized key (the same
 * for all k users), never by one user's wording, and its category comes from that key alone (not from where one of
 * them bought it).
 */
@Component
class CoPurchases {

    /** A suggestion: {@code suggested} is an item key, {@code because} a key of the requester's own items. */
    record CoPurchase(String because, String suggested) {
    }

    private final JdbcClient jdbc;

    CoPurchases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} suggestions, the most widely shared patterns first (best "because" per suggestion). */
    List<CoPurchase> forUser(long userId, int k, int limit) {
        return jdbc.sql("""
                WITH mine AS (
                    SELECT DISTINCT item_key FROM purchase_lines WHERE user_id = :userId AND item_key IS NOT NULL),
                theirs AS (
                    SELECT DISTINCT user_id, item_key FROM purchase_lines
                    WHERE user_id <> :userId AND item_key IS NOT NULL),
                patterns AS (
                    SELECT a.item_key AS because, b.item_key AS suggested, count(DISTINCT a.user_id) AS users
                    FROM theirs a
                    JOIN mine m ON m.item_key = a.item_key
                    JOIN theirs b ON b.user_id = a.user_id AND b.item_key <> a.item_key
                    WHERE NOT EXISTS (SELECT 1 FROM mine m2 WHERE m2.item_key = b.item_key)
                    GROUP BY a.item_key, b.item_key
                    HAVING count(DISTINCT a.user_id) >= :k),
                best AS (
                    SELECT DISTINCT ON (suggested) because, suggested, users FROM patterns
                    ORDER BY suggested, users DESC, because)
                SELECT because, suggested FROM best ORDER BY users DESC, suggested LIMIT :limit""")
                .param("userId", userId)
                .param("k", k)
                .param("limit", limit)
                .query((row, n) -> new CoPurchase(row.getString("because"), row.getString("suggested")))
                .list();
    }
}
