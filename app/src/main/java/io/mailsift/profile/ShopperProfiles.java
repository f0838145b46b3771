package io.mailsift.profile;

import java.math.BigDecimal;
import java.util.List;

import io.mailsift.profile.ShopperProfile.CategorySpend;
import io.mailsift.profile.ShopperProfile.MerchantSpend;
import io.mailsift.profile.ShopperProfile.MonthSpend;
import io.mailsift.profile.ShopperProfile.RepeatPurchase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a user's profile from the derived rows. Every query is scoped by the user id it is given. */
@Component
public class ShopperProfiles {

    private final JdbcClient jdbc;
    private final Taxonomy taxonomy;
    private final TransactionTemplate snapshot;

    ShopperProfiles(JdbcClient jdbc, Taxonomy taxonomy, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        // One snapshot for all the profile's sums: a rebuild committing in between must not mix old and new rows.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public ShopperProfile forUser(long userId) {
        return snapshot.execute(status -> read(userId));
    }

    private ShopperProfile read(long userId) {
        int orders = count(userId, true);
        int cancelled = count(userId, false);
        List<MerchantSpend> merchants = jdbc.sql("""
                SELECT min(merchant) AS merchant, currency, sum(total) AS amount, count(*) AS orders
                FROM purchase_orders
                WHERE user_id = :userId AND counts AND total IS NOT NULL AND currency IS NOT NULL
                GROUP BY lower(merchant), currency
                ORDER BY currency, sum(total) DESC, min(merchant)""")
                .param("userId", userId)
                .query((row, n) -> new MerchantSpend(row.getString("merchant"), row.getString("currency"),
                        plain(row.getBigDecimal("amount")), row.getInt("orders")))
                .list();
        List<CategorySpend> categories = jdbc.sql("""
                SELECT category, currency, sum(amount) AS amount FROM purchase_lines
                WHERE user_id = :userId AND currency IS NOT NULL
                GROUP BY category, currency HAVING sum(amount) > 0
                ORDER BY currency, sum(amount) DESC, category""")
                .param("userId", userId)
                .query((row, n) -> {
                    Category category = taxonomy.byId(row.getString("category"));
                    return new CategorySpend(category.id(), category.label(), row.getString("currency"),
                            plain(row.getBigDecimal("amount")));
                })
                .list();
        List<MonthSpend> months = jdbc.sql("""
                SELECT to_char(order_date, 'YYYY-MM') AS month, currency, sum(total) AS amount, count(*) AS orders
                FROM purchase_orders
                WHERE user_id = :userId AND counts AND total IS NOT NULL AND currency IS NOT NULL
                GROUP BY 1, currency ORDER BY 1, currency""")
                .param("userId", userId)
                .query((row, n) -> new MonthSpend(row.getString("month"), row.getString("currency"),
                        plain(row.getBigDecimal("amount")), row.getInt("orders")))
                .list();
        return new ShopperProfile(orders, cancelled, merchants, categories, months, repeats(userId));
    }

    /** The user's repeat purchases, next expected first. */
    public List<RepeatPurchase> repeats(long userId) {
        return jdbc.sql("""
                SELECT item_name, item_key, category, purchases, interval_days, spread_days, first_date, last_date,
                       next_expected
                FROM repeat_purchases WHERE user_id = :userId ORDER BY next_expected, item_key""")
                .param("userId", userId)
                .query((row, n) -> {
                    Category category = taxonomy.byId(row.getString("category"));
                    return new RepeatPurchase(row.getString("item_name"), row.getString("item_key"), category.id(),
                            category.label(), row.getInt("purchases"), row.getInt("interval_days"),
                            row.getInt("spread_days"), row.getDate("first_date").toLocalDate(),
                            row.getDate("last_date").toLocalDate(), row.getDate("next_expected").toLocalDate());
                })
                .list();
    }

    private int count(long userId, boolean counts) {
        return jdbc.sql("SELECT count(*) FROM purchase_orders WHERE user_id = :userId AND counts = :counts")
                .param("userId", userId).param("counts", counts).query(Integer.class).single();
    }

    /** Without trailing zeros past the cents: {@code 12.5000} is {@code 12.50}, {@code 0.1234} stays. */
    static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? amount.setScale(2, java.math.RoundingMode.UNNECESSARY) : stripped)
                .toPlainString();
    }
}
