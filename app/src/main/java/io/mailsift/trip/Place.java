package io.mailsift.trip;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a segment starts or ends, as far as the reservation says.
 *
 * @param name      the airport, station, hotel or venue as written
 * @param city      the city (the airport's city for an airport), when known
 * @param iataCode  the airport's IATA code, when it is one
 * @param latitude  coordinates, when known
 * @param longitude coordinates, when known
 * @param country   the country as the address writes it (a name or an ISO code), when known
 * @param timeZone  the place's IANA zone when the reservation names it (the travel connector's airports do, as a
 *                  {@code timeZone} PropertyValue), else {@code null} and {@link Zones} infers it
 */
public record Place(String name, @Nullable String city, @Nullable String iataCode, @Nullable Double latitude,
        @Nullable Double longitude, @Nullable String country, @Nullable ZoneId timeZone) {

    /** A place whose zone is not named. */
    public Place(String name, @Nullable String city, @Nullable String iataCode, @Nullable Double latitude,
            @Nullable Double longitude, @Nullable String country) {
        this(name, city, iataCode, latitude, longitude, country, null);
    }

    /** Two places closer than this are one area: an airport and a hotel of its city. */
    static final double SAME_AREA_KM = 60;

    /** A city, or an airport code, as a configured home is written. */
    public static Place city(String city) {
        return new Place(city, city, null, null, null, null);
    }

    /** The city to show: the known city, else the place's name. */
    public String shownCity() {
        return city != null ? city : name;
    }

    boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /**
     * Whether a traveller at one place is also at the other: same airport code, coordinates within
     * {@value #SAME_AREA_KM} km, or same city (accents and case aside).
     */
    boolean sameAreaAs(Place other) {
        if (iataCode != null && iataCode.equalsIgnoreCase(other.iataCode)) {
            return true;
        }
        if (hasCoordinates() && other.hasCoordinates()) {
            return kilometresTo(other) <= SAME_AREA_KM;
        }
        String mine = cityKey();
        String theirs = other.cityKey();
        if (!mine.isEmpty() && mine.equals(theirs)) {
            return true;
        }
        // A configured home typed as an airport code matches that airport.
        return (iataCode != null && iataCode.equalsIgnoreCase(other.name))
                || (other.iataCode != null && other.iataCode.equalsIgnoreCase(name));
    }

    /** Great-circle distance (haversine); only when both have coordinates. */
    double kilometresTo(Place other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** The city without accents, case or punctuation: what "same city" compares; empty when unknown. */
    String cityKey() {
        return city == null ? "" : normalized(city);
    }

    static String normalized(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

}
