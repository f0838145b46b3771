package io.mailsift.purchases;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as receipts write them, in English, German and French: {@code November 3, 2026}, {@code Tue, Nov 3, 2026},
 * {@code 3 November 2026}, {@code 3 novembre 2026}, {@code 3. November 2026}, {@code 21.11.2026},
 * {@code 2026-11-21}, and {@code 18/11/2026}, read day first unless the mail is American (then month first; a part
 * over 12 settles it either way). Years must be written in full: {@code 3/11} could be anything.
 */
final class TextDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("janvier", 1), Map.entry("januar", 1),
            Map.entry("jänner", 1), Map.entry("february", 2), Map.entry("feb", 2), Map.entry("février", 2),
            Map.entry("fevrier", 2), Map.entry("févr", 2), Map.entry("februar", 2), Map.entry("march", 3),
            Map.entry("mar", 3), Map.entry("mars", 3), Map.entry("märz", 3), Map.entry("mär", 3), Map.entry("april", 4),
            Map.entry("apr", 4), Map.entry("avril", 4), Map.entry("avr", 4), Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("june", 6), Map.entry("jun", 6), Map.entry("juin", 6), Map.entry("juni", 6),
            Map.entry("july", 7), Map.entry("jul", 7), Map.entry("juillet", 7), Map.entry("juil", 7),
            Map.entry("juli", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("août", 8),
            Map.entry("aout", 8), Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("septembre", 9), Map.entry("october", 10), Map.entry("oct", 10), Map.entry("octobre", 10),
            Map.entry("oktober", 10), Map.entry("okt", 10), Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("novembre", 11), Map.entry("december", 12), Map.entry("dec", 12), Map.entry("décembre", 12),
            Map.entry("decembre", 12), Map.entry("déc", 12), Map.entry("dezember", 12), Map.entry("dez", 12));

    private static final String MONTH = "(?<month>[\\p{L}]{3,9})\\.?";
    private static final Pattern NAMED_MONTH_FIRST = Pattern.compile(
            "(?iU)(?<![\\p{L}\\p{N}])" + MONTH + "\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>20\\d\\d)(?!\\d)");
    private static final Pattern NAMED_DAY_FIRST = Pattern.compile(
            "(?iU)(?<![\\p{L}\\p{N}])(?<day>\\d{1,2})(?:er|st|nd|rd|th)?\\.?\\s+" + MONTH + ",?\\s+(?<year>20\\d\\d)(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d./-])(?:(?<iy>20\\d\\d)-(?<im>\\d\\d)-(?<id>\\d\\d)"
                    + "|(?<a>\\d{1,2})(?<sep>[./])(?<b>\\d{1,2})\\k<sep>(?<year>20\\d\\d))(?![\\d])");

    private TextDates() {
    }

    /** The first date in {@code text}, if any. */
    static Optional<LocalDate> first(String text, boolean monthFirst) {
        return first(text, () -> monthFirst);
    }

    /**
     * The first date in {@code text}, if any; {@code monthFirst} is asked only when a slashed date needs it (the
     * answer may cost a search of the whole mail).
     */
    static Optional<LocalDate> first(String text, BooleanSupplier monthFirst) {
        if (!text.contains("20")) {
            return Optional.empty(); // each pattern's year starts with a literal "20"
        }
        Optional<Located> best = Optional.empty();
        for (Optional<Located> found : List.of(named(NAMED_MONTH_FIRST, text), named(NAMED_DAY_FIRST, text),
                numeric(text, monthFirst))) {
            if (found.isPresent() && (best.isEmpty() || found.get().start() < best.get().start())) {
                best = found;
            }
        }
        return best.map(Located::date);
    }

    private static Optional<Located> named(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            Integer month = MONTHS.get(matcher.group("month").toLowerCase(Locale.ROOT));
            if (month != null) {
                Optional<LocalDate> date = date(matcher.group("year"), month, matcher.group("day"));
                if (date.isPresent()) {
                    return Optional.of(new Located(date.get(), matcher.start()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Located> numeric(String text, BooleanSupplier monthFirst) {
        Matcher matcher = NUMERIC.matcher(text);
        while (matcher.find()) {
            Optional<LocalDate> date;
            if (matcher.group("iy") != null) {
                date = date(matcher.group("iy"), Integer.parseInt(matcher.group("im")), matcher.group("id"));
            } else {
                int a = Integer.parseInt(matcher.group("a"));
                int b = Integer.parseInt(matcher.group("b"));
                // Dots are German (day first) everywhere; a slash is the writer's habit, unless a part settles it.
                boolean aIsMonth = matcher.group("sep").equals("/") && (monthFirst.getAsBoolean() ? b <= 31 && a <= 12 : b > 12);
                date = aIsMonth ? date(matcher.group("year"), a, String.valueOf(b))
                        : date(matcher.group("year"), b, String.valueOf(a));
            }
            if (date.isPresent()) {
                return Optional.of(new Located(date.get(), matcher.start()));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, int month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Located(LocalDate date, int start) {
    }
}
