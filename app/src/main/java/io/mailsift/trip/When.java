package io.mailsift.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * A time as a reservation gives it: the local date-time the traveller reads on their ticket, in the zone of that
 * place when known ({@code zone} null: floating, the zone is unknown), or only a date (check-in, check-out).
 */
public record When(LocalDateTime local, @Nullable ZoneId zone, boolean dateOnly) {

    public static When at(LocalDateTime local, @Nullable ZoneId zone) {
        return new When(local, zone, false);
    }

    public static When on(LocalDate date) {
        return new When(date.atStartOfDay(), null, true);
    }

    LocalDate date() {
        return local.toLocalDate();
    }

    /**
     * The instant, for ordering: a floating time or a date is read as UTC, which misplaces it by hours at most —
     * less than any gap the grouping cares about. Dates count from noon so that a check-in sorts after a morning
     * flight of the same day and a check-out before an evening one.
     */
    Instant approximateInstant() {
        LocalDateTime time = dateOnly ? local.toLocalDate().atTime(12, 0) : local;
        return zone == null ? time.toInstant(ZoneOffset.UTC) : time.atZone(zone).toInstant();
    }
}
