package io.mailsift.travel;

import java.util.regex.Pattern;

import io.mailsift.travel.Legs.Token;

/**
 * Rail legs that airlines sell under their own flight numbers: Lufthansa Express Rail, Austrian AIRail, Air France
 * TGV AIR, SWISS Air Rail, Rail&amp;Fly. "AF 7731 TGV AIR - opéré par SNCF Voyageurs" runs between stations, not
 * airports: read as a flight, its departure would be the city's airport (Lyon Part-Dieu is not LYS).
 */
final class AirRailLegs {

    /** The product's name, or a railway as the operating carrier. */
    static final Pattern RAIL_PRODUCT = Pattern.compile(
            "(?iu)(\\bairail\\b|\\bair ?rail\\b|\\bexpress rail\\b|\\brail ?(?:&|and|\\+) ?fly\\b|\\btgv ?air\\b|"
                    + "\\btrain ?\\+ ?air\\b|\\b(?:operated by|opéré par|assuré par|durchgeführt von|operado por|"
                    + "betrieben von)\\s+(?:the\\s+)?(?:sncf|deutsche bahn|db\\b|öbb|oebb|sbb|renfe|trenitalia|"
                    + "ns\\b|eurostar|thalys))");

    private AirRailLegs() {
    }

    /** Whether the flight-like number's own line says it is a rail leg. */
    static boolean isRailLeg(String text, Token number) {
        int start = text.lastIndexOf('\n', Math.max(0, number.start() - 1)) + 1;
        int end = text.indexOf('\n', number.end());
        return RAIL_PRODUCT.matcher(text.substring(start, end < 0 ? text.length() : end)).find();
    }
}
