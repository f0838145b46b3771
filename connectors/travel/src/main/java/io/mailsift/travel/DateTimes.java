package io.mailsift.travel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Dates and times as confirmation mails print them in English, French, German and Spanish (month names also in
 * Italian, Portuguese and Dutch): ISO, numeric
 * ({@code 04.03.2027}, {@code 04/03/2027}, US {@code 03/04/2027} when the mail uses 12-hour times), with month names
 * or abbreviations in either order ({@code 4 March 2027}, {@code March 4, 2027}, {@code 4. März 2027},
 * {@code 4 de marzo de 2027}); a missing year is the first one that puts the date on or after the mail's date.
 * Times: {@code 10:15}, {@code 10h15}, {@code 20h}, {@code 10.15 Uhr}, {@code 7:20 PM}, {@code 7 pm}, {@code 0720P}.
 */
final class DateTimes {

    /** A value found in a text and where. */
    record Found<T>(T value, int start, int end) {
    }

    private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();

    static {
        month(1, "january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene",
                "janeiro", "gennaio", "januari");
        month(2, "february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero",
                "fevereiro", "fev", "febbraio", "februari");
        month(3, "march", "mar", "mars", "märz", "maerz", "mär", "marzo", "maart", "março");
        month(4, "april", "apr", "avril", "avr", "abril", "abr", "aprile");
        month(5, "may", "mai", "mayo", "mei", "maio", "maggio", "mag");
        month(6, "june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu");
        month(7, "july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug");
        month(8, "august", "aug", "août", "aout", "agosto", "ago", "augustus");
        month(9, "september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre");
        month(10, "october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "ottobre", "ott");
        month(11, "november", "nov", "novembre", "noviembre", "novembro");
        month(12, "december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
                "dezembro", "dicembre");
    }

    private static final String MONTH = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .collect(Collectors.joining("|", "(", ")"));

    /** ISO, and the year-first dates East Asian airlines print with slashes: {@code 2027/07/10}. */
    private static final Pattern ISO = Pattern.compile("\\b(20\\d{2})([-/])(\\d{2})\\2(\\d{2})(?![\\d])");
    /** Characters of a web address right before a slashed year-first date, which is then the address's path. */
    private static final String IN_ADDRESS = "/.-_=?&%~#";
    // "10-05-2027" (Dutch, Portuguese): dashes only with a full year, as ranges and codes use them too
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.:/])(\\d{1,2})([./]|-(?=\\d{1,2}-20\\d{2}(?![\\d-])))(\\d{1,2})\\2(20\\d{2}|\\d{2})(?![\\d])");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s*(?:de\\s+)?(?=\\p{L})" + MONTH
                    + "(?![\\p{L}])\\.?,?(?:\\s*(?:de\\s+)?(20\\d{2}))?");
    /** Day, month name and year joined by hyphens, as Asian and Indian airlines print them: {@code 14-Apr-2027}. */
    private static final Pattern HYPHENATED = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d-])(\\d{1,2})-(?=\\p{L})" + MONTH + "-(20\\d{2}|\\d{2})(?![\\p{L}\\d])");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?iu)(?<![\\p{L}])" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s*(20\\d{2}))?");


    /** The airline style: {@code 04MAR27}, {@code 04MAR}, {@code 4MAR2027}. */
    private static final Pattern AIRLINE_STYLE = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(20\\d{2}|\\d{2})?(?![\\p{L}\\d])");

    private static final Pattern CLOCK = Pattern.compile(
            "(?iu)(?<![\\d:.])([01]?\\d|2[0-3])\\s?(?::|h|\\.(?=\\d\\d\\s*(?:uhr|[ap]\\.?\\s?m\\b)))\\s?([0-5]\\d)(?![\\d])"
                    // "6h 40m", "1:35 min": a duration, not a time of day
                    + "(?!\\s?(?:m|min|mins|minutes|minuten)(?![\\p{L}]))"
                    + "(?:\\s*(?:uhr|hrs?\\b))?(?:\\s*([ap])\\.?\\s?m\\.?(?![\\p{L}]))?");
    /** The GDS style of a travel agency's itinerary: {@code 0640A}, {@code 0155P} (12-hour, no separator). */
    private static final Pattern GDS_CLOCK = Pattern.compile("(?<![\\p{L}\\d])(0\\d|1[0-2])([0-5]\\d)([AP])(?![\\p{L}\\d])");
    /**
     * A ticket receipt's 24-hour {@code 0715}: only after an airline-style date or a time label, where four digits
     * are no year or number ("14APR 0715", "ARRIVAL TIME: 1040").
     */
    private static final Pattern GDS_24_HOUR = Pattern.compile(
            "(?<=(?:\\d(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:\\d\\d)?|TIME:?)[ \\t]{1,12})"
                    + "([01]\\d|2[0-3])([0-5]\\d)(?![\\p{L}\\d])");
    /**
     * An agency itinerary's 24-hour {@code 0945} closing a leg's capitals row after a departure or arrival label
     * ("DEPART   ZURICH, CH        0945"): there four digits after the place, set apart, are no year or number.
     */
    private static final Pattern GDS_LABELLED_24_HOUR = Pattern.compile(
            "(?m)^[ \\t]{0,12}(?:DEPART|ARRIVE|DEPARTURE|ARRIVAL|DEPARTS|ARRIVES|DEP|ARR|LV|AR|LEAVE)\\.?:?[ \\t]"
                    + "[^\\n\\da-z]{1,60}?(?:\\t| {2})[ \\t]*([01]\\d|2[0-3])([0-5]\\d)(?![\\p{L}\\d])");
    private static final Pattern HOUR_ONLY = Pattern.compile(
            "(?iu)(?<![\\d:.])(\\d{1,2})\\s?(?:([ap])\\.?\\s?m\\.?(?![\\p{L}])|h(?![\\p{L}\\d])"
                    + "(?!\\s?\\d{1,2}\\s?(?:m|min|mins)(?![\\p{L}]))|uhr\\b)");

    /**
     * A weekday, then day and month without a year ("Sa., 13.03.", "samedi 13/03", "Sat 3/13" in a US mail): the
     * weekday makes the two numbers a date. Two-letter German weekdays only with their dot or comma.
     */
    private static final Pattern WEEKDAY_DAY_MONTH = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|"
                    + "thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mer|jeu|ven|sam|dim|"
                    + "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|miercoles|"
                    + "jueves|viernes|sábado|sabado|domingo|mié|jue|vie|sáb|dom)\\.?,?|(?:mo|di|mi|do|fr|sa|so)(?:\\.,?|,))"
                    + "\\s+(?:le\\s+|den\\s+|el\\s+)?(\\d{1,2})([./])(\\d{1,2})\\.?(?![\\d/.])");

    /**
     * Day and month without a year, then a time ("15/07 à 17h50", "09.08. 09:07", "10.02. ab 08:37"): a timetable's
     * or a ticket's stop row, where the time makes the two numbers a day (a price or a version is never followed by
     * one).
     */
    private static final Pattern DAY_MONTH_BEFORE_TIME = Pattern.compile(
            "(?iu)(\\d{1,2})([./])(\\d{1,2})\\.?(?![\\d/])(?=[ \\t]{1,12}(?:(?:à|a las|um|at|ab|an|dep\\.?|arr\\.?)[ \\t]+)?"
                    + "(?:[01]?\\d|2[0-3])[:h][0-5]\\d(?!\\d))");

    private DateTimes() {
    }

    /**
     * Where {@code WEEKDAY_DAY_MONTH} can match: a word of 2 to 10 letters at a word's start, its dot or comma,
     * space, maybe a short article, then a digit. Most word starts of a text fail this at once, which the pattern's
     * long alternation, tried at each of them, would not.
     */
    private static boolean startsWithWeekdayAndNumber(String text, int index) {
        if (!Character.isLetter(text.charAt(index)) || index > 0 && Character.isLetter(text.charAt(index - 1))) {
            return false;
        }
        int at = skipLetters(text, index, 10);
        if (at - index < 2) {
            return false;
        }
        at = skip(text, at, '.');
        at = skip(text, at, ',');
        int spaced = skipSpaces(text, at);
        if (spaced == at) {
            return false;
        }
        int article = skipLetters(text, spaced, 3);
        if (article > spaced) {
            int after = skipSpaces(text, article);
            if (after == article) {
                return false;
            }
            spaced = after;
        }
        return spaced < text.length() && isAsciiDigit(text.charAt(spaced));
    }

    private static int skipLetters(String text, int at, int most) {
        int end = at;
        while (end < text.length() && end - at < most && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end < text.length() && Character.isLetter(text.charAt(end)) ? at : end;
    }

    private static int skip(String text, int at, char c) {
        return at < text.length() && text.charAt(at) == c ? at + 1 : at;
    }

    private static int skipSpaces(String text, int at) {
        int end = at;
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The first such day on or after a week before the reference day (a mail speaks of what is coming). */
    private static LocalDate nextOn(int month, int day, LocalDate reference) {
        LocalDate sameYear = date(reference.getYear(), month, day);
        if (sameYear == null) {
            return date(reference.getYear() + 1, month, day);
        }
        return sameYear.isBefore(reference.minusDays(7)) ? date(reference.getYear() + 1, month, day) : sameYear;
    }

    private static void month(int number, String... names) {
        for (String name : names) {
            MONTHS.put(name, number);
        }
    }

    /** Whether the text writes 12-hour times, which goes with US month-first numeric dates. */
    static boolean usesTwelveHourClock(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isAsciiDigit(text.charAt(i)) && isTwelveHourTimeAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code (?i)\\d\\s?[ap]\\.?m\\b} matches at the index (a pattern tried at every index of a text cost
     * more than the rest of its reading): an ASCII digit, maybe one space char, an "a" or a "p", maybe a dot, an
     * "m" (ASCII case only), then no word char, as {@code \\b} counts them: an ASCII letter or digit, '_', or a
     * non-spacing mark (after the "m", it has a base).
     */
    static boolean isTwelveHourTimeAt(String text, int index) {
        int at = index + 1;
        if (at < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (at >= text.length() || "apAP".indexOf(text.charAt(at)) < 0) {
            return false;
        }
        at++;
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != 'm' && text.charAt(at) != 'M') {
            return false;
        }
        at++;
        return at == text.length() || !StartedSearch.isAsciiWord(text.charAt(at))
                && Character.getType(text.codePointAt(at)) != Character.NON_SPACING_MARK;
    }

    /** Every date in the text, in order of appearance; overlapping readings keep the first and longest. */
    static List<Found<LocalDate>> dates(String text, LocalDate reference, boolean monthFirst) {
        List<Found<LocalDate>> found = new ArrayList<>();
        Matcher m = ISO.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            if (m.group(2).equals("/") && m.start() > 0 && IN_ADDRESS.indexOf(text.charAt(m.start() - 1)) >= 0) {
                continue; // "/2027/03/15/article", "?d=2027/03/15": a web address's path, no date of the trip
            }
            add(found, date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))),
                    m);
        }
        m = NUMERIC.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            year = year < 100 ? 2000 + year : year;
            boolean usOrder = m.group(2).equals("/") && (monthFirst ? a <= 12 : b > 12);
            add(found, usOrder ? date(year, a, b) : date(year, b, a), m);
        }
        m = AIRLINE_STYLE.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            String year = m.group(3) == null ? null : m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
            add(found, named(m.group(2), Integer.parseInt(m.group(1)), year, reference), m);
        }
        m = HYPHENATED.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
            add(found, named(m.group(2), Integer.parseInt(m.group(1)), year, reference), m);
        }
        m = DAY_MONTH.matcher(text);
        while (find(m, text, DateTimes::startsWithDayBeforeMonthName)) {
            add(found, named(m.group(2), Integer.parseInt(m.group(1)), m.group(3), reference), m);
        }
        m = MONTH_DAY.matcher(text);
        while (find(m, text, DateTimes::startsWithMonthName)) {
            add(found, named(m.group(1), Integer.parseInt(m.group(2)), m.group(3), reference), m);
        }
        m = WEEKDAY_DAY_MONTH.matcher(text);
        while (find(m, text, DateTimes::startsWithWeekdayAndNumber)) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            boolean usOrder = m.group(2).equals("/") && monthFirst;
            add(found, usOrder ? nextOn(first, second, reference) : nextOn(second, first, reference), m);
        }
        m = DAY_MONTH_BEFORE_TIME.matcher(text);
        List<LocalDate> dated = found.stream().map(Found::value).toList();
        while (find(m, text, DateTimes::startsWithNumberAfterNoDateSign)) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            boolean usOrder = m.group(2).equals("/") && monthFirst;
            int month = usOrder ? first : second;
            int day = usOrder ? second : first;
            // the year of the same day printed in full elsewhere ("Hinfahrt am 03.11.2027" above "03.11. ab 07:49")
            LocalDate date = dated.stream().filter(d -> d.getMonthValue() == month && d.getDayOfMonth() == day)
                    .findFirst().orElseGet(() -> nextOn(month, day, reference));
            add(found, date, m);
        }
        return ordered(found);
    }

    /** A number starting here that is not the end of a longer number, date or time ("2027.05", "12:05/06"). */
    private static boolean startsWithNumberAfterNoDateSign(String text, int index) {
        if (!startsWithDigit(text, index)) {
            return false;
        }
        char before = index == 0 ? ' ' : text.charAt(index - 1);
        if (before == '.' || before == '/' || before == ':' || before == '-') {
            return false;
        }
        // one or two digits, a dot or slash, a digit: most numbers of a text (prices, codes) fail here, not in the pattern
        int at = index + 1;
        if (at < text.length() && isAsciiDigit(text.charAt(at))) {
            at++;
        }
        return at + 1 < text.length() && (text.charAt(at) == '.' || text.charAt(at) == '/')
                && isAsciiDigit(text.charAt(at + 1));
    }

    /** Every time of day in the text, in order of appearance. */
    static List<Found<LocalTime>> times(String text) {
        List<Found<LocalTime>> found = new ArrayList<>();
        Matcher m = CLOCK.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            add(found, time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)), m);
        }
        m = GDS_CLOCK.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            add(found, time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)), m);
        }
        m = GDS_24_HOUR.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            add(found, time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), null), m);
        }
        // labels in capitals opening a line: most mails have none, and the pattern is not tried on them
        if (hasLineOpeningLabel(text)) {
            m = GDS_LABELLED_24_HOUR.matcher(text);
            while (m.find()) {
                add(found, time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), null), m.start(1), m.end(2));
            }
        }
        m = HOUR_ONLY.matcher(text);
        while (find(m, text, DateTimes::startsWithDigit)) {
            add(found, time(Integer.parseInt(m.group(1)), 0, m.group(2)), m);
        }
        return ordered(found);
    }

    /**
     * Whether a line opens, after at most twelve blanks, with what every label of {@link #GDS_LABELLED_24_HOUR} begins
     * with ("DEP", "AR", "LV", "LEAVE"): a scan from line break to line break, no pattern tried at every character.
     */
    private static boolean hasLineOpeningLabel(String text) {
        int at = 0;
        while (at < text.length()) {
            int start = at;
            while (at < text.length() && at - start < 12 && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
            if (text.startsWith("DEP", at) || text.startsWith("AR", at) || text.startsWith("LV", at)
                    || text.startsWith("LEAVE", at)) {
                return true;
            }
            int next = nextLineStart(text, at);
            if (next < 0) {
                return false;
            }
            at = next;
        }
        return false;
    }

    /** Where the line after the index begins, as {@code (?m)^} sees line breaks; -1 on the last line. */
    private static int nextLineStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return -1;
    }

    /** Where a pattern's match can begin: a cheap test of the text at an index, true wherever the pattern could match. */
    @FunctionalInterface
    private interface MatchStart {
        boolean possibleAt(String text, int index);
    }

    /**
     * The next match, exactly as {@link Matcher#find()} gives it, but the pattern is only tried where {@code start}
     * allows one: {@code find()} tries it at every index, and the month-name alternations cost most of a mail's
     * extraction that way. The region keeps transparent bounds, so look-behinds still see the text before it.
     */
    private static boolean find(Matcher m, String text, MatchStart start) {
        int from = m.hasMatch() ? m.end() : 0;
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = from; at < text.length(); at++) {
            if (start.possibleAt(text, at)) {
                m.region(at, text.length());
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every pattern here but the month-first one begins with an ASCII digit ({@code \\d} without Unicode classes). */
    private static boolean startsWithDigit(String text, int index) {
        char c = text.charAt(index);
        // a digit before it: every one of them has a look-behind or word boundary that rules that out
        return isAsciiDigit(c) && (index == 0 || !isAsciiDigit(text.charAt(index - 1)));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The first two letters of every month name, folded as a {@code (?iu)} literal is ({@code SliceU}: a text char
     * matches a pattern char {@code p} when it is {@code p} or folds to {@code p}).
     */
    private static final Set<Integer> MONTH_PREFIXES = MONTHS.keySet().stream()
            .map(name -> pair(fold(name.charAt(0)), fold(name.charAt(1)))).collect(Collectors.toUnmodifiableSet());

    /** Where {@code MONTH_DAY} can match: a month name's first two letters, not right after another letter. */
    private static boolean startsWithMonthName(String text, int index) {
        return (index == 0 || !Character.isLetter(text.charAt(index - 1))) && monthNameAt(text, index);
    }

    /**
     * Where {@code DAY_MONTH} can match: one or two digits, then only what may stand between them and the month name
     * (a dot, the letters of "er", "st", "nd", "rd", "th" and "de", spaces) up to a month name's first two letters.
     * Each index on the way is tried as the month's start, so a month beginning with those letters is not skipped.
     */
    private static boolean startsWithDayBeforeMonthName(String text, int index) {
        if (!startsWithDigit(text, index)) {
            return false;
        }
        int at = index + 1;
        if (at < text.length() && isAsciiDigit(text.charAt(at))) {
            at++;
        }
        if (at < text.length() && isAsciiDigit(text.charAt(at))) {
            return false; // three digits: no day
        }
        for (; at < text.length(); at++) {
            if (monthNameAt(text, at)) {
                return true;
            }
            char c = text.charAt(at);
            // \s without Unicode classes is [ \t\n\x0B\f\r]; a letter matches as a case-insensitive literal does
            boolean between = c == '.' || " \t\n\u000B\f\r".indexOf(c) >= 0 || "erstndh".indexOf(c) >= 0
                    || "erstndh".indexOf(fold(c)) >= 0;
            if (!between) {
                return false;
            }
        }
        return false;
    }

    /** Whether a month name's first two letters, as the patterns compare them, are at the index. */
    private static boolean monthNameAt(String text, int index) {
        if (index + 1 >= text.length()) {
            return false;
        }
        int first = text.charAt(index);
        int firstFolded = fold(first);
        if (!Character.isLetter(first) && !Character.isLetter(firstFolded)) {
            return false;
        }
        int second = text.charAt(index + 1);
        int secondFolded = fold(second);
        return MONTH_PREFIXES.contains(pair(first, second)) || MONTH_PREFIXES.contains(pair(firstFolded, second))
                || MONTH_PREFIXES.contains(pair(first, secondFolded))
                || MONTH_PREFIXES.contains(pair(firstFolded, secondFolded));
    }

    private static int fold(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static int pair(int first, int second) {
        return first << 16 | second;
    }

    private static <T> void add(List<Found<T>> found, T value, int start, int end) {
        if (value == null) {
            return;
        }
        for (Found<T> each : found) {
            if (start < each.end() && each.start() < end) {
                return;
            }
        }
        found.add(new Found<>(value, start, end));
    }

    private static <T> void add(List<Found<T>> found, T value, Matcher m) {
        add(found, value, m.start(), m.end());
    }

    private static <T> List<Found<T>> ordered(List<Found<T>> found) {
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    private static LocalDate named(String monthName, int day, String year, LocalDate reference) {
        Integer month = MONTHS.get(monthName.toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        return year != null ? date(Integer.parseInt(year), month, day) : nextOn(month, day, reference);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static LocalTime time(int hour, int minute, String meridiem) {
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = meridiem.equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return hour < 24 ? LocalTime.of(hour, minute) : null;
    }
}
