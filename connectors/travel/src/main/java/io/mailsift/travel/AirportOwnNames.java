package io.mailsift.travel;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Airports printed by their own full name without a city or code ("Soekarno-Hatta International Airport T3",
 * "Singapore Changi Airport"), as booking sites print them under a departure or arrival label. The whole place must
 * be the name, but for generic words and a terminal: a name shared by two airports decides none.
 */
final class AirportOwnNames {

    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Words left out of both a name and the place compared with it. */
    private static final Set<String> GENERIC = Set.of("airport", "international", "intl", "regional", "municipal",
            "airfield", "aeropuerto", "aeroporto", "flughafen", "aeroport", "de", "del", "la", "le", "the", "of",
            "terminal", "t", "internacional", "internationale");

    /** Names (their words but generic ones, joined) to the one airport of that name; null for a shared name. */
    private static final Map<String, Airports.Airport> BY_NAME = index();

    private AirportOwnNames() {
    }

    private static Map<String, Airports.Airport> index() {
        Map<String, Airports.Airport> byName = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Airports.Airport airport : Airports.all()) {
            String key = key(airport.name());
            // a one-word name ("Central", "Municipal") is too plain to name one airport
            if (key.indexOf(' ') < 0 || shared.contains(key)) {
                continue;
            }
            if (byName.putIfAbsent(key, airport) != null) {
                byName.remove(key);
                shared.add(key);
            }
        }
        return Map.copyOf(byName);
    }

    private static String key(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        StringBuilder key = new StringBuilder();
        for (String word : NOT_LETTERS.split(plain)) {
            if (!word.isEmpty() && !GENERIC.contains(word)) {
                key.append(key.isEmpty() ? "" : " ").append(word);
            }
        }
        return key.toString();
    }

    /** The airport the place is the full name of ("Soekarno-Hatta International Airport T3" is CGK). */
    static Optional<Airports.Airport> of(String place) {
        if (place.isBlank() || place.length() > 80) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(key(place)));
    }
}
