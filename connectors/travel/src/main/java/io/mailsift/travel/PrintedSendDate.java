package io.mailsift.travel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mailsift.travel.DateTimes.Found;

/**
 * When a mail was written, as its own text dates it, for a mail without a Date header (an archived or exported
 * message): dates printed without a year ("04MAR", "Sa., 13.03.") are read from this day rather than from today,
 * which would put an old confirmation's legs in the coming year. The day an issue, booking or purchase line dates;
 * else the earliest date printed with its year, as a confirmation dates its booking and legs from then on. Dates of
 * birth and documents' expiry or validity dates say nothing of when the mail was written and are passed over.
 */
final class PrintedSendDate {

    /** Words before a date that make it the day the booking was made or its ticket issued. */
    private static final Pattern ISSUED = Pattern.compile(
            "(?iu)\\b(issued?|issue date|date of issue|booked on|booking date|date of booking|purchased?|"
                    + "date of purchase|order date|buchungsdatum|ausstellungsdatum|ausgestellt|gebucht am|buchung vom|"
                    + "bestelldatum|kaufdatum|émission|émis|émis le|réservé le|date de réservation|date d'achat|"
                    + "date de commande|fecha de emisión|emitido|fecha de compra|fecha de reserva|reservado el|"
                    + "data di emissione|data di prenotazione|uitgiftedatum|boekingsdatum)\\b[^\\n\\d]{0,20}$");
    /** Words of a line whose dates are a person's or a document's, never the mail's. */
    private static final Pattern NOT_WRITTEN_ON = Pattern.compile(
            "(?iu)(birth|born|\\bdob\\b|geburt|geboren|naissance|\\bné\\b|\\bnée\\b|nacimiento|nascita|expir|"
                    + "valid until|valid to|valid thru|gültig bis|valable jusqu|válido hasta|valido fino|"
                    + "not valid after|\\bnva\\b|ssrdocs|\\bdocs\\b)");
    /** Two references far apart: a date reads the same from both only when it prints its year. */
    private static final LocalDate EARLY = LocalDate.of(2001, 1, 1);
    private static final LocalDate LATE = LocalDate.of(2051, 7, 1);

    private PrintedSendDate() {
    }

    /** The day the text dates itself, if it prints a date with its year outside a person's or document's line. */
    static Optional<LocalDate> in(List<String> lines) {
        String text = String.join("\n", lines);
        List<Found<LocalDate>> early = DateTimes.dates(text, EARLY, DateTimes.usesTwelveHourClock(text));
        if (early.isEmpty()) {
            return Optional.empty();
        }
        List<Found<LocalDate>> late = DateTimes.dates(text, LATE, DateTimes.usesTwelveHourClock(text));
        LocalDate earliest = null;
        for (Found<LocalDate> date : early) {
            boolean withYear = late.stream().anyMatch(other -> other.start() == date.start()
                    && other.value().equals(date.value()));
            if (!withYear) {
                continue;
            }
            int lineStart = text.lastIndexOf('\n', date.start()) + 1;
            int lineEnd = text.indexOf('\n', date.end());
            String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
            if (NOT_WRITTEN_ON.matcher(line).find()) {
                continue;
            }
            if (ISSUED.matcher(text.substring(Math.max(lineStart, date.start() - 40), date.start())).find()) {
                return Optional.of(date.value());
            }
            if (earliest == null || date.value().isBefore(earliest)) {
                earliest = date.value();
            }
        }
        return Optional.ofNullable(earliest);
    }
}
