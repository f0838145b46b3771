package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A schedule change prints the new journey and, beside it, the one it replaces ("Bisherige Verbindung:", "Previous
 * schedule:", "Ancien horaire :", "Bisher: ab 08:01"). The replaced lines are no longer true, as struck-through text
 * is not ({@link MailLines} drops that): they are left out before the mail is read.
 */
final class SupersededLines {

    private static final String OWNER = "(?:(?:your|the|ihre?|die|der|votre|vos|le|la|su|tu|el|la)\\s+)?";
    /**
     * What a heading says was changed. Not a flight: a rebooking prints the cancelled flight as a leg of its own, which
     * the flight rules drop beside the new one and keep when it is the only one (a cancellation).
     */
    private static final String WHAT = "(?:verbindung|verbindungen|reise|fahrt|abfahrt|abfahrtszeit|zeiten|zeit|"
            + "fahrplan|journey|connection|schedule|itinerary|booking|train|trains|trip|times?|"
            + "departure|horaires?|voyage|trajet|itinéraire|départ|horarios?|viaje|itinerario|"
            + "tren|trenes|salida)";
    /** A heading over the replaced journey: "Bisherige Verbindung:", "Your previous itinerary". */
    private static final Pattern OLD_HEADING = Pattern.compile("(?iu)^" + OWNER
            + "(?:bisherige[rn]?|ursprüngliche[rn]?|alte[rn]?|previous|original|old|former|initial|"
            + "ancienne?s?|précédente?s?|initiale?s?|anterior(?:es)?|antigu[oa]s?|original(?:es)?)\\s+" + WHAT
            + "\\b[^.:]{0,30}:?$");
    /** A heading over the journey that replaces it: "Ihre neue Verbindung am …:", "Updated schedule". */
    private static final Pattern NEW_HEADING = Pattern.compile("(?iu)^" + OWNER
            + "(?:neuen?|geänderte[rn]?|aktuelle[rn]?|new|updated|revised|changed|current|rebooked|replacement|"
            + "ersatz|nouvel(?:le)?s?|"
            + "nouveaux?|modifiée?s?|nuev[oa]s?|actualizad[oa]s?|modificad[oa]s?)\\s+" + WHAT + "\\b.{0,60}$");
    /** One replaced value on its own line: "Bisher: ab 08:01", "Previously: 09:15", "Ancien horaire : 07h56". */
    private static final Pattern OLD_LINE = Pattern.compile(
            "(?iu)^(?:bisher|vorher|alt|previously|was|old|before|ancien(?:ne)?|avant|anteriormente|antes)"
                    + "(?:\\s+" + WHAT + ")?\\s*:");

    private SupersededLines() {
    }

    /** The lines without those of a replaced schedule; the same list when there are none. */
    static List<String> removed(List<String> lines) {
        List<String> kept = null;
        boolean old = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean heading = line.length() <= 80;
            if (heading && NEW_HEADING.matcher(line.strip()).matches()) {
                old = false;
            } else if (heading && OLD_HEADING.matcher(line.strip()).matches()) {
                old = true;
            }
            // lookingAt, as find() of a pattern anchored at the start, but not tried at every index of the line
            boolean drop = old || line.length() <= 120 && OLD_LINE.matcher(line.strip()).lookingAt();
            if (drop && kept == null) {
                kept = new ArrayList<>(lines.subList(0, i));
            }
            if (!drop && kept != null) {
                kept.add(line);
            }
        }
        return kept == null ? lines : kept;
    }
}
