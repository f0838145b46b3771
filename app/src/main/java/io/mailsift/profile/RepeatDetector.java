package io.mailsift.profile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the items a user buys again and again at a regular interval. An item (by its key: the name without sizes) is
 * a repeat purchase when it was bought on at least {@value #MIN_PURCHASES} different days and the intervals between
 * them are regular: their median absolute deviation from the median interval (the spread) is at most a quarter of
 * the median, or {@value #MIN_TOLERANCE_DAYS} days for short intervals. The next purchase is expected one median
 * interval after the last.
 */
final class RepeatDetector {

    static final int MIN_PURCHASES = 3;
    static final int MIN_TOLERANCE_DAYS = 3;

    /** One purchase of an item. */
    record Purchase(String itemKey, String itemName, Category category, LocalDate date, long accountId) {
    }

    /** An item bought at a regular interval. */
    record Repeat(String itemKey, String itemName, Category category, int purchases, int intervalDays,
            int spreadDays, LocalDate firstDate, LocalDate lastDate, LocalDate nextExpected, List<Long> accountIds) {
    }

    private RepeatDetector() {
    }

    static List<Repeat> detect(List<Purchase> purchases) {
        Map<String, List<Purchase>> byItem = new LinkedHashMap<>();
        for (Purchase purchase : purchases) {
            byItem.computeIfAbsent(purchase.itemKey(), key -> new ArrayList<>()).add(purchase);
        }
        List<Repeat> repeats = new ArrayList<>();
        for (List<Purchase> ofItem : byItem.values()) {
            SortedSet<LocalDate> days = new TreeSet<>(ofItem.stream().map(Purchase::date).toList());
            if (days.size() < MIN_PURCHASES) {
                continue;
            }
            List<Integer> intervals = new ArrayList<>();
            LocalDate previous = null;
            for (LocalDate day : days) {
                if (previous != null) {
                    intervals.add((int) ChronoUnit.DAYS.between(previous, day));
                }
                previous = day;
            }
            int median = median(intervals);
            int spread = median(intervals.stream().map(interval -> Math.abs(interval - median)).toList());
            if (spread > Math.max(MIN_TOLERANCE_DAYS, median / 4)) {
                continue;
            }
            Purchase latest = ofItem.stream().max(Comparator.comparing(Purchase::date)).orElseThrow();
            List<Long> accounts = ofItem.stream().map(Purchase::accountId).distinct().sorted().toList();
            repeats.add(new Repeat(latest.itemKey(), latest.itemName(), latest.category(), days.size(), median,
                    spread, days.first(), days.last(), days.last().plusDays(median), accounts));
        }
        repeats.sort(Comparator.comparing(Repeat::nextExpected).thenComparing(Repeat::itemKey));
        return repeats;
    }

    /** The median, rounded half up for an even count. */
    static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return (sorted.get(middle - 1) + sorted.get(middle) + 1) / 2;
    }
}
