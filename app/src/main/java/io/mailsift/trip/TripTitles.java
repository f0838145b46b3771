package io.mailsift.trip;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Titles in English, as a person writes a trip down: "Paris, 4–8 March 2027" (an en dash between days of one
 * month), "Lisbon, 28 February – 3 March 2027" (spaced en dash across months), "New York, 30 December 2027 –
 * 2 January 2028" across years, "Berlin, 18 December 2027" for one day.
 */
final class TripTitles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private TripTitles() {
    }

    static String title(String destination, LocalDate from, LocalDate to) {
        return destination + ", " + dates(from, to);
    }

    static String dates(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return FULL.format(from);
        }
        if (from.getYear() != to.getYear()) {
            return FULL.format(from) + " – " + FULL.format(to);
        }
        if (from.getMonth() != to.getMonth()) {
            return DAY_MONTH.format(from) + " – " + FULL.format(to);
        }
        return DAY.format(from) + "–" + FULL.format(to);
    }
}
