package io.mailsift.travel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mailsift.travel.DateTimes.Found;

/**
 * When a mail was written, as its own text dates it, for a mail without a Date header (an archived or exported
 * message): dates printed without a year ("04MAR", "Sa., 13.03.") are read from this day rather than from today,
 * which would put an old confirmation's legs in the coming year. The day an issue, booking or purchase line dates
 * ("Datum vystavení/datum platby: 7.8.2017 13:18", "Date of issue: 12/03/2027", "Buchungsdatum: 02.11.2027"); else the
 * earliest date printed with its year, as a confirmation dates its booking and legs from then on. Dates of birth,
 * documents' issue, expiry or validity dates, and a footer's dates ("Member since 05 Feb 2010", "Conditions of
 * carriage of 1 June 2012", "© 2019") say nothing of when the mail was written and are passed over.
 */
final class PrintedSendDate {

    /** Words just before a date (on its line, no digit between) that make it the day of the booking or ticket. */
    private static final Pattern ISSUED = Pattern.compile(
            "(?iu)(?<![\\p{L}])(issued?|issued on|issue date|date of issue|booked on|booking date|date of booking|"
                    + "purchased?|purchased on|purchase date|date of purchase|order date|buchungsdatum|"
                    + "ausstellungsdatum|ausgestellt|ausgestellt am|gebucht am|buchung vom|bestellt am|bestelldatum|"
                    + "kaufdatum|émission|date d'émission|émis|émis le|réservé le|date de réservation|date d'achat|"
                    + "date de commande|fecha de emisión|emitido|emitido el|fecha de compra|comprado el|"
                    + "fecha de reserva|reservado el|data di emissione|data di prenotazione|uitgiftedatum|"
                    + "boekingsdatum|datum vystavení|datum platby|datum nákupu|datum objednávky)(?![\\p{L}])"
                    + "[^\\n\\d]{0,20}$");
    /** Words of a line whose dates are a person's or a document's, never the mail's: not even an issue date there. */
    private static final Pattern NOT_WRITTEN_ON = Pattern.compile(
            "(?iu)(birth|born|\\bdob\\b|geburt|geboren|naissance|\\bné\\b|\\bnée\\b|nacimiento|nascita|narození|"
                    + "expir|valid until|valid to|valid thru|gültig bis|valable jusqu|válido hasta|valido fino|"
                    + "platnost do|not valid after|\\bnva\\b|ssr\\s?docs|\\bdocs\\b|passport|passeport|reisepass|"
                    + "pasaporte|passaporto|paspoort|cestovní doklad|identity card|id card|personalausweis|"
                    + "carte d'identité|document number|document no|numéro de document|número de documento|"
                    + "dokumentnummer|číslo dokladu|občanský průkaz)");
    /**
     * Words before a date that make it a footer's or a membership's, not the mail's: it may still be read where an
     * issue line names it, never as the earliest date printed.
     */
    private static final Pattern NOT_THE_MAILS = Pattern.compile(
            "(?iu)((?<![\\p{L}])(since|seit|depuis|desde|dal|od|valid|valable|gültig|válido|valido|platný|effective|"
                    + "copyright|terms|conditions|bedingungen|agb|condiciones|condizioni|podmínky|member|mitglied|"
                    + "membre|miembro|socio|člen|expires?|erlischt|registered|registriert|inscrit)(?![\\p{L}])"
                    + "|©|\\(c\\))[^\\n]{0,40}$|(?<![\\p{L}])(of|vom|du|del|dal|ze|van)\\s*$");
    /** Two references far apart: a date reads the same from both only when it prints its year. */
    private static final LocalDate EARLY = LocalDate.of(2001, 1, 1);
    private static final LocalDate LATE = LocalDate.of(2051, 7, 1);
    private static final int LOOK_BACK = 40;

    private PrintedSendDate() {
    }

    /** The day the text dates itself, if it prints a date with its year outside a person's or document's line. */
    static Optional<LocalDate> in(List<String> lines) {
        String text = String.join("\n", lines);
        boolean monthFirst = DateTimes.usesTwelveHourClock(text);
        List<Found<LocalDate>> early = DateTimes.dates(text, EARLY, monthFirst);
        if (early.isEmpty()) {
            return Optional.empty();
        }
        // a date read the same from both references prints its year: looked up by where it starts, once each
        Map<Integer, LocalDate> late = new HashMap<>();
        for (Found<LocalDate> date : DateTimes.dates(text, LATE, monthFirst)) {
            late.put(date.start(), date.value());
        }
        LocalDate earliest = null;
        int lineStart = -1;
        boolean personal = false;
        for (Found<LocalDate> date : early) {
            if (!date.value().equals(late.get(date.start()))) {
                continue;
            }
            int start = text.lastIndexOf('\n', date.start()) + 1;
            if (start != lineStart) { // a line's words are looked at once, however many dates it prints
                lineStart = start;
                int lineEnd = text.indexOf('\n', date.end());
                personal = NOT_WRITTEN_ON.matcher(text.substring(start, lineEnd < 0 ? text.length() : lineEnd)).find();
            }
            if (personal) {
                continue;
            }
            String before = text.substring(Math.max(lineStart, date.start() - LOOK_BACK), date.start());
            if (ISSUED.matcher(before).find()) {
                return Optional.of(date.value());
            }
            if (!NOT_THE_MAILS.matcher(before).find() && (earliest == null || date.value().isBefore(earliest))) {
                earliest = date.value();
            }
        }
        return Optional.ofNullable(earliest);
    }
}
