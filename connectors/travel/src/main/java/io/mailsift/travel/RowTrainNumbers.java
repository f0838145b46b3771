package io.mailsift.travel;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.travel.DateTimes.Found;

/**
 * A train's product and number as a timetable row prints it right after the departure time, whatever the product
 * ("Praha hl.n. | 09.08. 09:07 R 945 | 372", "Köln Hbf | 03.11. | ab 12:17 | 10 A-B | S0", "Hradec Králové hl.n. |
 * 06.08. 19:33 Bus 501262"): the regional and national categories no list of products holds (R, Sp, Os, S, RB,
 * IRE...). Only a capitalised word of up to four letters and its number, maybe after a platform cell; platform, seat
 * and coach words are not products.
 */
final class RowTrainNumbers {

    private static final Pattern AFTER_TIME = Pattern.compile(
            // a platform cell first ("10 A-B", "4A-D", "3"), then the product and its number
            "^(?:[ \\t]+\\d{1,2}[ ]?[A-H]?(?:-[A-H])?[ ]*(?=\\t))?[ \\t]+"
                    + "((\\p{Lu}[\\p{L}]{0,3}) ?\\d{1,6})(?![\\d:.,/]|\\p{L})");
    private static final Set<String> NOT_PRODUCTS = Set.of("gleis", "voie", "quai", "bay", "hall", "gate", "seat",
            "car", "wg", "pl", "via", "vía", "km", "std", "min", "uhr", "tel", "nr", "no", "ab", "an", "bis", "um",
            "sitz", "wagen", "coach", "pkt", "eur", "usd", "gbp", "chf", "czk", "kč", "pln", "huf", "rs", "inr", "h",
            "platz", "seite", "page", "tag", "day", "jour", "strana", "vůz", "wagon", "place", "sitze");

    private RowTrainNumbers() {
    }

    /** The product and number printed right after the given departure time on the line, if any. */
    static Optional<String> afterTime(String line, LocalTime departs) {
        for (Found<LocalTime> time : DateTimes.times(line)) {
            if (!time.value().equals(departs)) {
                continue;
            }
            Matcher m = AFTER_TIME.matcher(line.substring(time.end()));
            if (m.find() && !NOT_PRODUCTS.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                return Optional.of(m.group(1));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}
