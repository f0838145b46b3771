package io.mailsift.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.mailsift.profile.OrderReader.Item;
import io.mailsift.profile.OrderReader.Order;
import org.jspecify.annotations.Nullable;

/**
 * What a counted order's total was spent on, so that spend by category adds up to spend by merchant: each item with
 * a price in the order's currency gets price × quantity, the rest of the total (shipping, tax, unpriced items) goes to
 * the merchant's category. When the items cost more than the total (a discount), their amounts shrink in proportion.
 */
final class SpendLines {

    /** One line: {@code itemKey} and {@code itemName} are null on the rest line; {@code currency} null if unknown. */
    record Line(@Nullable String itemKey, @Nullable String itemName, Category category,
            @Nullable BigDecimal quantity, BigDecimal amount, @Nullable String currency) {
    }

    static final int SCALE = 4;

    private SpendLines() {
    }

    /** The lines of an order; none for an order that does not count (cancelled, returned, a refund). */
    static List<Line> of(Order order, Taxonomy taxonomy) {
        if (!order.counts()) {
            return List.of();
        }
        String currency = order.currency();
        Category merchantCategory = taxonomy.ofMerchant(order.merchant()).orElseGet(taxonomy::other);
        List<Line> lines = new ArrayList<>();
        BigDecimal priced = BigDecimal.ZERO;
        for (Item item : order.items()) {
            String key = NameWords.itemKey(item.name());
            boolean hasPrice = item.unitPrice() != null && currency != null
                    && (item.currency() == null || item.currency().equals(currency));
            BigDecimal amount = hasPrice ? scaled(item.unitPrice().multiply(item.quantity())) : scaled(BigDecimal.ZERO);
            priced = priced.add(amount);
            Category category = taxonomy.ofItem(item.name()).orElse(merchantCategory);
            lines.add(new Line(key.isEmpty() ? null : key, item.name(), category, item.quantity(), amount, currency));
        }
        BigDecimal total = order.total() == null ? priced : scaled(order.total());
        if (currency == null) {
            return lines;
        }
        if (priced.compareTo(total) > 0 && total.signum() >= 0) {
            return shrunk(lines, priced, total);
        }
        BigDecimal rest = total.subtract(priced);
        if (rest.signum() > 0 || lines.isEmpty()) {
            lines.add(new Line(null, null, merchantCategory, null, rest, currency));
        }
        return lines;
    }

    private static List<Line> shrunk(List<Line> lines, BigDecimal priced, BigDecimal total) {
        List<Line> result = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        int lastPriced = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).amount().signum() != 0) {
                lastPriced = i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            BigDecimal amount = i == lastPriced ? total.subtract(given)
                    : line.amount().multiply(total).divide(priced, SCALE, RoundingMode.HALF_EVEN);
            given = given.add(amount);
            result.add(new Line(line.itemKey(), line.itemName(), line.category(), line.quantity(), amount,
                    line.currency()));
        }
        return result;
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
