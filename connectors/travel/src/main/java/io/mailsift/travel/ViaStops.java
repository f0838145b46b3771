package io.mailsift.travel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A route that lists the stops on the way: "IR 66 Bern - Fribourg/Freiburg - Lausanne". Its arrival is the last
 * stop, when the event's description names that stop on its own (its "Ankunft Lausanne 10:54"), not the whole run.
 */
final class ViaStops {

    private static final Pattern STOP_SEPARATOR = Pattern.compile("\\s(?:-|–|→|>)\\s");

    private ViaStops() {
    }

    /** The arrival of a route read up to its end: its last stop when the description confirms it, else as read. */
    static String lastStop(String arrival, String description) {
        String[] stops = STOP_SEPARATOR.split(arrival);
        if (stops.length < 2) {
            return arrival;
        }
        String last = stops[stops.length - 1].strip();
        String folded = description.toLowerCase(Locale.ROOT);
        return last.length() >= 3 && folded.contains(last.toLowerCase(Locale.ROOT))
                && !folded.contains(arrival.toLowerCase(Locale.ROOT)) ? last : arrival;
    }
}
