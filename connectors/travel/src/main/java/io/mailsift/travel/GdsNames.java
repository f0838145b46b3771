package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mailsift.connector.PersonNames;

/**
 * Reads the name field of a GDS booking as agencies paste it from the reservation system: each passenger numbered
 * "1.1", "2.1" (name group, then place in it; Amadeus' "1." at the line's start), family name, a slash, given names with the title glued on or after a
 * space ("1.1DOE/JOHNMR", "2.1KONQUI/DOCTOR MR"), a child's birth date after an asterisk ("3.1KONQUI/LITTLE*07JAN2007").
 */
final class GdsNames {

    private static final Pattern NAME = Pattern.compile(
            "(?:(?<![\\p{L}\\d.])\\d{1,2}\\.\\d|^\\s*\\d{1,2}\\.)\\s?([A-Z][A-Z'-]*(?: [A-Z][A-Z'-]*)?)/([A-Z][A-Z'-]*(?: [A-Z][A-Z'-]*){0,3})"
                    + "(?=$|\\s{2,}|\\*|\\s+\\d{1,2}\\.\\d)");
    /** A title after the given names as a word ("KATIE MS"); a glued one ("JOHNMR"): PersonNames. */
    private static final Pattern TITLE_WORD = Pattern.compile(" (?:MRS|MR|MS|MSTR|MISS|DR|CHD|INF)$");

    private GdsNames() {
    }

    /** The passengers the name field lists, in order, as "Given Family" in the system's capitals. */
    static List<String> all(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            if (line.indexOf('/') < 0 || line.indexOf('.') < 0) {
                continue;
            }
            Matcher m = NAME.matcher(line);
            while (m.find()) {
                names.add(withoutTitle(m.group(2)) + " " + m.group(1));
            }
        }
        return names;
    }

    /** The given names without the title after them, glued ("JOHNMR") or as a word ("KATIE MS"). */
    static String withoutTitle(String given) {
        return PersonNames.withoutGluedTitle(TITLE_WORD.matcher(given).replaceFirst(""));
    }

    /** The first passenger the name field lists. */
    static Optional<String> first(List<String> lines) {
        return all(lines).stream().findFirst();
    }
}
