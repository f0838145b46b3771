package io.mailsift.travel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.DateTimes.Found;

/**
 * A stay's first and last day printed as one range, the way hotels and holiday lets write it: "12–15 March 2027",
 * "du 12 au 15 mars 2027", "vom 12. bis 15. März 2027", "del 14 al 17 de mayo", "March 12–15, 2027", or two full
 * dates joined by a range word ("from 9 April 2027 to 12 April 2027", "14/05/2027 – 17/05/2027").
 */
final class StayDates {

    /** A first and a last day. */
    record Range(LocalDate first, LocalDate last) {
    }

    /** "12–", "du 12 au ", "vom 12. bis ", "del 14 al ", "Fri 12 – Sun ": a bare day right before a full date. */
    private static final Pattern DAY_BEFORE = Pattern.compile(
            "(?iu)(?<![\\d.:/])(\\d{1,2})\\.?\\s*(?:-|–|—|to|au|al|bis|a|y|and|et|und|until|through|thru)\\s*"
                    + "(?:(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so)\\.?,?\\s*)?$");
    /** "–15, 2027" or "-15" right after a month-first date ("March 12"): the range's last day. */
    private static final Pattern DAY_AFTER = Pattern.compile(
            "^\\s*(?:-|–|—|to|through|thru)\\s*(\\d{1,2})(?![\\d:.])(?:st|nd|rd|th)?(?:,?\\s*(20\\d{2}))?");
    /** What stands between a range's two dates: a range word, and maybe the second one's weekday ("– Mon"). */
    private static final Pattern BETWEEN_DATES = Pattern.compile(
            "(?iu)\\s*(?:-|–|—|to|until|through|bis|au|jusqu'au|al|hasta el|a|[→>])\\s*"
                    + "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
                    + "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|montag|"
                    + "dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lunes|martes|"
                    + "miércoles|jueves|viernes|sábado|domingo)\\.?,?\\s*)?");
    private static final Pattern MONTH_FIRST = Pattern.compile("^\\p{L}");
    /**
     * "12.03. - ", "12/03 – ": a day and month without a year right before a full date; with a slash in a mail that
     * writes the month first, "03/12 – " is March's 12th.
     */
    private static final Pattern DAY_MONTH_BEFORE = Pattern.compile(
            "(?<![\\d.:/])(\\d{1,2})([./])(\\d{1,2})\\.?\\s*(?:-|–|—|bis|au|al)\\s*$");
    /** "Number of nights: 2", "Nächte: 3", "Noches\t2": the stay's length after its label. */
    private static final Pattern LABELLED_NIGHTS = Pattern.compile(
            "(?iu)\\b(?:number of nights|nights|nächte|anzahl nächte|übernachtungen|nuits|nombre de nuits|noches|"
                    + "número de noches|notti|numero di notti)\\s*[:\\t]\\s*([1-9]\\d?)(?![\\d.,:])");

    private StayDates() {
    }

    /** The first range in the text whose last day comes after its first, within a month's stay. */
    static Optional<Range> in(String text, LocalDate reference, boolean monthFirst) {
        return in(text, DateTimes.dates(text, reference, monthFirst), monthFirst);
    }

    /** The same, with the text's dates already read, as the mail's order of day and month has them. */
    static Optional<Range> in(String text, List<Found<LocalDate>> dates, boolean monthFirst) {
        for (int i = 0; i < dates.size(); i++) {
            Found<LocalDate> date = dates.get(i);
            if (i + 1 < dates.size() && BETWEEN_DATES.matcher(text.substring(date.end(), dates.get(i + 1).start()))
                    .matches()) {
                Optional<Range> range = range(date.value(), dates.get(i + 1).value());
                if (range.isPresent()) {
                    return range;
                }
            }
            Matcher dayMonth = DAY_MONTH_BEFORE.matcher(text.substring(Math.max(0, date.start() - 12), date.start()));
            if (dayMonth.find()) {
                boolean usOrder = monthFirst && dayMonth.group(2).equals("/");
                int day = Integer.parseInt(dayMonth.group(usOrder ? 3 : 1));
                int month = Integer.parseInt(dayMonth.group(usOrder ? 1 : 3));
                Optional<Range> range = range(dayAndMonth(date.value(), day, month), date.value());
                if (range.isPresent()) {
                    return range;
                }
            }
            Matcher before = DAY_BEFORE.matcher(text.substring(Math.max(0, date.start() - 16), date.start()));
            if (before.find()) {
                Optional<Range> range = range(withDay(date.value(), Integer.parseInt(before.group(1))), date.value());
                if (range.isPresent()) {
                    return range;
                }
            }
            String printed = text.substring(date.start(), date.end());
            Matcher after = DAY_AFTER.matcher(text.substring(date.end(), Math.min(text.length(), date.end() + 14)));
            if (MONTH_FIRST.matcher(printed).find() && after.find()) {
                LocalDate first = after.group(2) == null ? date.value()
                        : withYear(date.value(), Integer.parseInt(after.group(2)));
                Optional<Range> range = range(first, withDay(first, Integer.parseInt(after.group(1))));
                if (range.isPresent()) {
                    return range;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Range> range(LocalDate first, LocalDate last) {
        if (first == null || last == null || !last.isAfter(first) || last.isAfter(first.plusDays(31))) {
            return Optional.empty();
        }
        return Optional.of(new Range(first, last));
    }

    /** The stay's length its label gives, when no date range does. */
    static Optional<Integer> labelledNights(String text) {
        Matcher m = LABELLED_NIGHTS.matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static LocalDate dayAndMonth(LocalDate date, int day, int month) {
        try {
            return LocalDate.of(date.getYear(), month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static LocalDate withDay(LocalDate date, int day) {
        try {
            return date.withDayOfMonth(day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static LocalDate withYear(LocalDate date, int year) {
        try {
            return date.withYear(year);
        } catch (DateTimeException invalid) {
            return null;
        }
    }
}
