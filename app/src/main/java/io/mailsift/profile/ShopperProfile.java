package io.mailsift.profile;

import java.time.LocalDate;
import java.util.List;

/**
 * One user's shopper profile. Amounts are exact decimals written as strings ({@code "1234.5000"}), each with its ISO
 * 4217 currency: spend in several currencies is listed per currency, never converted or added up across them.
 *
 * @param orders          orders that count as spend
 * @param cancelledOrders orders cancelled, returned or refunded: shown, not spent
 * @param byMerchant      spend per merchant and currency, largest first per currency
 * @param byCategory      spend per category and currency
 * @param byMonth         spend per calendar month ({@code 2026-11}) and currency, oldest first
 * @param repeats         items bought at a regular interval, next expected first
 */
public record ShopperProfile(int orders, int cancelledOrders, List<MerchantSpend> byMerchant,
        List<CategorySpend> byCategory, List<MonthSpend> byMonth, List<RepeatPurchase> repeats) {

    public record MerchantSpend(String merchant, String currency, String amount, int orders) {
    }

    public record CategorySpend(String category, String label, String currency, String amount) {
    }

    public record MonthSpend(String month, String currency, String amount, int orders) {
    }

    /**
     * An item bought again and again.
     *
     * @param intervalDays the median number of days between two purchases
     * @param spreadDays   how much the intervals vary: their median absolute deviation from the median, in days
     */
    public record RepeatPurchase(String item, String itemKey, String category, String label, int purchases,
            int intervalDays, int spreadDays, LocalDate firstDate, LocalDate lastDate, LocalDate nextExpected) {
    }
}
