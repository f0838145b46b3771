package io.mailsift.trip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Names the IANA zone of a place, so that a calendar shows "Europe/Paris" rather than "+02:00" and moves the event
 * with a later change of the zone's rules. Reservations give a local time with an offset and airports their
 * coordinates: the zone is the tz database zone nearest to the place among those with that offset at that instant,
 * of the place's country when the address names one (the zone's principal city stands for it: table
 * {@code trip/zones.tab}, from IANA's zone.tab). Zones that keep the same clock around that time count as one, named
 * by the first the table lists for the country: Frankfurt is nearer to Büsingen than to Berlin, but is in
 * Europe/Berlin.
 */
final class Zones {

    private record ZoneCity(String country, ZoneId zone, double latitude, double longitude) {
    }

    private static final List<ZoneCity> CITIES = load();
    /** ISO country codes by code and by English name ("de", "germany"), as addresses write the country. */
    private static final Map<String, String> COUNTRIES = countries();

    private Zones() {
    }

    /**
     * The zone of a time at a place: the nearest zone with the given offset at that instant; with no coordinates, the
     * zone of the place's country with that offset when the country has one clock at that offset, else a fixed-offset
     * zone of the tz database ({@code Etc/GMT-1} is +01:00) or the offset itself. Empty when neither offset nor
     * coordinates are known.
     */
    static Optional<ZoneId> of(@Nullable Place place, @Nullable ZoneOffset offset, @Nullable Instant at) {
        boolean located = place != null && place.hasCoordinates();
        if (located) {
            Optional<ZoneId> nearest = nearest(place, offset, at);
            if (nearest.isPresent()) {
                return nearest;
            }
        }
        if (place != null && offset != null && at != null) {
            // No coordinates (a hotel's address, say), but a country: its zone when every zone of the country with
            // that offset then keeps one clock (Portugal at +00:00 in March: Lisbon and Madeira, named Lisbon).
            Optional<ZoneId> ofCountry = ofCountry(place, offset, at);
            if (ofCountry.isPresent()) {
                return ofCountry;
            }
        }
        return offset == null ? Optional.empty() : Optional.of(fixed(offset));
    }

    private static Optional<ZoneId> ofCountry(Place place, ZoneOffset offset, Instant at) {
        String country = place.country() == null ? null
                : COUNTRIES.get(place.country().strip().toLowerCase(Locale.ROOT));
        if (country == null) {
            return Optional.empty();
        }
        ZoneId first = null;
        for (ZoneCity city : CITIES) {
            if (!city.country().equals(country) || !city.zone().getRules().getOffset(at).equals(offset)) {
                continue;
            }
            if (first == null) {
                first = city.zone();
            } else if (!sameClock(city.zone(), first, at)) {
                return Optional.empty(); // two clocks with this offset in the country: the offset is all we know
            }
        }
        return Optional.ofNullable(first);
    }

    private static Optional<ZoneId> nearest(Place place, @Nullable ZoneOffset offset, @Nullable Instant at) {
        String country = place.country() == null ? null
                : COUNTRIES.get(place.country().strip().toLowerCase(Locale.ROOT));
        if (country != null) {
            Optional<ZoneId> inCountry = nearest(place, offset, at, country);
            if (inCountry.isPresent()) {
                return inCountry;
            }
        }
        return nearest(place, offset, at, null);
    }

    private static Optional<ZoneId> nearest(Place place, @Nullable ZoneOffset offset, @Nullable Instant at,
            @Nullable String country) {
        ZoneCity best = null;
        double bestDistance = Double.MAX_VALUE;
        for (ZoneCity city : CITIES) {
            if (offset != null && at != null && !city.zone().getRules().getOffset(at).equals(offset)) {
                continue;
            }
            if (country != null && !city.country().equals(country)) {
                continue;
            }
            double distance = place.kilometresTo(new Place("", null, null, city.latitude(), city.longitude(), null));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = city;
            }
        }
        // Farther than any real zone reaches: the offset was probably not the place's own (a UTC time).
        if (best == null || bestDistance > 3000) {
            return Optional.empty();
        }
        if (country != null && at != null) {
            for (ZoneCity city : CITIES) {
                if (city.country().equals(country) && sameClock(city.zone(), best.zone(), at)) {
                    return Optional.of(city.zone());
                }
            }
        }
        return Optional.of(best.zone());
    }

    /** Whether two zones show the same time from a year before until a year after an instant. */
    private static boolean sameClock(ZoneId one, ZoneId other, Instant at) {
        Instant from = at.minus(Duration.ofDays(366));
        Instant until = at.plus(Duration.ofDays(366));
        if (!one.getRules().getOffset(from).equals(other.getRules().getOffset(from))) {
            return false;
        }
        for (ZoneOffsetTransition t = one.getRules().nextTransition(from); t != null && t.getInstant().isBefore(until);
                t = one.getRules().nextTransition(t.getInstant())) {
            if (!t.equals(other.getRules().nextTransition(t.getInstant().minusSeconds(1)))) {
                return false;
            }
        }
        ZoneOffsetTransition theirs = other.getRules().nextTransition(from);
        ZoneOffsetTransition mine = one.getRules().nextTransition(from);
        return theirs == null || theirs.getInstant().isAfter(until) || theirs.equals(mine);
    }

    static ZoneId fixed(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return ZoneId.of("Etc/UTC");
        }
        if (seconds % 3600 == 0 && Math.abs(seconds / 3600) <= 12) {
            // POSIX sign: Etc/GMT-1 is one hour ahead of UTC.
            int hours = -seconds / 3600;
            return ZoneId.of("Etc/GMT" + (hours > 0 ? "+" : "") + hours);
        }
        return offset;
    }

    private static List<ZoneCity> load() {
        List<ZoneCity> cities = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(Zones.class.getResourceAsStream("/trip/zones.tab"),
                "trip/zones.tab is on the class path");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t");
                try {
                    double[] position = iso6709(cells[1]);
                    cities.add(new ZoneCity(cells[0], ZoneId.of(cells[2].strip()), position[0], position[1]));
                } catch (DateTimeException unknownToThisJdk) {
                    // a zone newer than the JDK's tz data: left out rather than guessed
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(cities);
    }

    private static Map<String, String> countries() {
        Map<String, String> countries = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            countries.put(code.toLowerCase(Locale.ROOT), code);
            countries.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        return Map.copyOf(countries);
    }

    /** ±DDMM±DDDMM or ±DDMMSS±DDDMMSS to degrees. */
    private static double[] iso6709(String text) {
        int split = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        return new double[] {degrees(text.substring(0, split), 2), degrees(text.substring(split), 3)};
    }

    private static double degrees(String signed, int degreeDigits) {
        int sign = signed.charAt(0) == '-' ? -1 : 1;
        String digits = signed.substring(1);
        double value = Integer.parseInt(digits.substring(0, degreeDigits));
        value += Integer.parseInt(digits.substring(degreeDigits, degreeDigits + 2)) / 60.0;
        if (digits.length() > degreeDigits + 2) {
            value += Integer.parseInt(digits.substring(degreeDigits + 2, degreeDigits + 4)) / 3600.0;
        }
        return sign * value;
    }
}
