package io.mailsift.recommendation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mailsift.profile.Category;
import io.mailsift.profile.ShopperProfile.RepeatPurchase;
import io.mailsift.profile.ShopperProfiles;
import io.mailsift.profile.Taxonomy;
import io.mailsift.recommendation.CoPurchases.CoPurchase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's recommendations, each with its reason: replenishment of repeat purchases that are due, favourite
 * categories, then co-purchases of other users (k-anonymous, see {@link CoPurchases}).
 */
@Component
public class Recommendations {

    static final int FAVOURITE_CATEGORIES = 3;
    static final int MIN_ORDERS_FOR_A_FAVOURITE = 3;
    static final int CO_PURCHASES = 10;
    /** A repeat purchase is suggested from this many days before it is due... */
    static final int DUE_SOON_DAYS = 7;
    /** ...until it is this many intervals overdue: by then the user has probably stopped buying it. */
    static final int GIVE_UP_AFTER_INTERVALS = 2;

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ShopperProfiles profiles;
    private final CoPurchases coPurchases;
    private final JdbcClient jdbc;
    private final Taxonomy taxonomy;
    private final int k;

    Recommendations(ShopperProfiles profiles, CoPurchases coPurchases, JdbcClient jdbc, Taxonomy taxonomy,
            RecommendationProperties settings) {
        this.profiles = profiles;
        this.coPurchases = coPurchases;
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        this.k = settings.k();
    }

    public List<Recommendation> forUser(long userId) {
        return forUser(userId, LocalDate.now(ZoneOffset.UTC));
    }

    List<Recommendation> forUser(long userId, LocalDate today) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (RepeatPurchase repeat : profiles.repeats(userId)) {
            boolean dueSoon = !repeat.nextExpected().isAfter(today.plusDays(DUE_SOON_DAYS));
            boolean stillBought = repeat.nextExpected()
                    .isAfter(today.minusDays((long) GIVE_UP_AFTER_INTERVALS * repeat.intervalDays()));
            if (dueSoon && stillBought) {
                recommendations.add(new Recommendation(Recommendation.REPLENISHMENT, repeat.item(),
                        repeat.category(), replenishmentReason(repeat, today), repeat.nextExpected().toString()));
            }
        }
        for (FavouriteCategory favourite : favouriteCategories(userId, today)) {
            Category category = taxonomy.byId(favourite.category());
            recommendations.add(new Recommendation(Recommendation.FAVOURITE_CATEGORY, category.label(),
                    category.id(), category.label() + " is one of your favourite categories: " + favourite.orders()
                            + " orders in the past 12 months.", null));
        }
        Map<String, String> myNames = myItemNames(userId);
        for (CoPurchase coPurchase : coPurchases.forUser(userId, k, CO_PURCHASES)) {
            Category category = taxonomy.ofItem(coPurchase.suggested()).orElseGet(taxonomy::other);
            String because = myNames.getOrDefault(coPurchase.because(), coPurchase.because());
            recommendations.add(new Recommendation(Recommendation.CO_PURCHASE, coPurchase.suggested(), category.id(),
                    coPurchaseReason(because, coPurchase.suggested(), k), null));
        }
        return recommendations;
    }

    /** "You buy coffee beans about every 30 days; last on 3 November." */
    static String replenishmentReason(RepeatPurchase repeat, LocalDate today) {
        return "You buy " + repeat.item() + " about every " + repeat.intervalDays() + " days; last on "
                + day(repeat.lastDate(), today) + "."
                + (repeat.nextExpected().isAfter(today) ? " Next expected around " + day(repeat.nextExpected(), today)
                        + "." : " It is due now.");
    }

    /** Names k, the threshold: never the number of users who share the pattern. */
    static String coPurchaseReason(String because, String suggested, int k) {
        return "At least " + k + " other shoppers who bought " + because + " also bought " + suggested + ".";
    }

    private static String day(LocalDate date, LocalDate today) {
        return date.getYear() == today.getYear() ? DAY_MONTH.format(date) : DAY_MONTH_YEAR.format(date);
    }

    private record FavouriteCategory(String category, int orders) {
    }

    private List<FavouriteCategory> favouriteCategories(long userId, LocalDate today) {
        return jdbc.sql("""
                SELECT category, count(DISTINCT finding_id) AS orders FROM purchase_lines
                WHERE user_id = :userId AND order_date > :since AND category NOT IN ('other', 'marketplaces')
                GROUP BY category HAVING count(DISTINCT finding_id) >= :minOrders
                ORDER BY orders DESC, category LIMIT :limit""")
                .param("userId", userId)
                .param("since", java.sql.Date.valueOf(today.minusMonths(12)))
                .param("minOrders", MIN_ORDERS_FOR_A_FAVOURITE)
                .param("limit", FAVOURITE_CATEGORIES)
                .query((row, n) -> new FavouriteCategory(row.getString("category"), row.getInt("orders")))
                .list();
    }

    /** The user's own words for their items, newest purchase first: for "because you bought ...". */
    private Map<String, String> myItemNames(long userId) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("""
                SELECT item_key, item_name FROM purchase_lines
                WHERE user_id = :userId AND item_key IS NOT NULL ORDER BY order_date DESC, id DESC""")
                .param("userId", userId)
                .query((row, n) -> names.putIfAbsent(row.getString("item_key"), row.getString("item_name")))
                .list();
        return names;
    }
}
