package io.mailsift.travel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mailsift.travel.DateTimes.Found;

/**
 * The day a mail says its booking was made or its ticket issued ("Datum vystavení/datum platby: 7.8.2017 13:18",
 * "Date of issue: 12/03/2027", "Buchungsdatum: 02.11.2027"): for a mail without a Date header, the day that dates
 * its journey's days printed without a year, as a reader dates them. Only a full date (with its year) counts.
 */
final class IssueDates {

    private static final Pattern ISSUED = Pattern.compile(
            "(?iu)(?<![\\p{L}])(purchase date|date of purchase|purchased on|booked on|booking date|order date|issued on|"
                    + "date of issue|issue date|kaufdatum|buchungsdatum|buchung vom|bestellt am|ausgestellt am|"
                    + "bestelldatum|date d'achat|date de commande|date d'émission|émis le|fecha de compra|"
                    + "fecha de emisión|comprado el|emitido el|datum vystavení|datum platby|datum nákupu)(?![\\p{L}])");

    private IssueDates() {
    }

    /** The first full date on a line that names a booking's or ticket's issue, if any. */
    static Optional<LocalDate> issued(List<String> lines, boolean monthFirst) {
        for (String line : lines) {
            if (line.length() > 200 || !ISSUED.matcher(line).find()) {
                continue;
            }
            // a far reference day: a date printed without its year must not be read as one here
            for (Found<LocalDate> date : DateTimes.dates(line, LocalDate.of(1900, 1, 1), monthFirst)) {
                if (date.value().getYear() >= 2000 && line.substring(date.start(), date.end()).matches(".*\\d{4}.*")) {
                    return Optional.of(date.value());
                }
            }
        }
        return Optional.empty();
    }
}
