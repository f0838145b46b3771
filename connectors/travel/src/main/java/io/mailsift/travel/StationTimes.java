package io.mailsift.travel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two ends of a rail or coach leg as a calendar event's description lists them, one station a line with its
 * time: "Hamburg-Altona ab 16:45, Gleis 11" / "München Hbf an 22:30" (DB), or labelled: "Abfahrt: Köln Hbf 09:46" /
 * "Ankunft: Frankfurt Flughafen Fernbahnhof 10:50", "Departure: …" / "Arrival: …", "Départ : …" / "Arrivée : …".
 * Used where the event's summary names the train only ("ICE 885") and its location a city.
 */
final class StationTimes {

    private static final String TIME = "\\d{1,2}[:h.]\\d{2}";
    private static final String PLACE = "(\\p{Lu}[^\\n\\t:]{1,50}?)";
    private static final Pattern DEPARTS = Pattern.compile(
            "(?mu)^\\s*" + PLACE + "\\s+(?:ab|dep\\.?|dép\\.?|départ|sal\\.?|salida)\\s+" + TIME + "(?![\\d])");
    private static final Pattern ARRIVES = Pattern.compile(
            "(?mu)^\\s*" + PLACE + "\\s+(?:an|arr\\.?|arrivée|lleg\\.?|llegada)\\s+" + TIME + "(?![\\d])");
    private static final Pattern DEPARTURE_LABEL = Pattern.compile(
            "(?imu)^\\s*(?:abfahrt|departure|departs|départ|salida)\\s*:\\s*" + PLACE + "(?:\\s+" + TIME + ".*)?\\s*$");
    private static final Pattern ARRIVAL_LABEL = Pattern.compile(
            "(?imu)^\\s*(?:ankunft|arrival|arrives|arrivée|llegada)\\s*:\\s*" + PLACE + "(?:\\s+" + TIME + ".*)?\\s*$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;-]+$");

    private StationTimes() {
    }

    /** The departure and arrival stations, when the text gives both, else empty. */
    static Optional<List<String>> ends(String description) {
        Optional<String> from = first(DEPARTS, description).or(() -> first(DEPARTURE_LABEL, description));
        Optional<String> to = first(ARRIVES, description).or(() -> first(ARRIVAL_LABEL, description));
        if (from.isEmpty() || to.isEmpty() || from.get().equalsIgnoreCase(to.get())) {
            return Optional.empty();
        }
        return Optional.of(List.of(from.get(), to.get()));
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String place = TRAILING_PUNCTUATION.matcher(m.group(1)).replaceFirst("");
        return place.isEmpty() ? Optional.empty() : Optional.of(place);
    }
}
