package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;

import io.mailsift.travel.Legs.Token;

/**
 * A journey's heading that names its whole route ("Prague PRG → Barcelona BCN") above the legs that make it up (via
 * Vienna): its two airports are the journey's ends, not a leg's, and would pair the legs' airports wrongly.
 */
final class RouteHeadings {

    private RouteHeadings() {
    }

    /**
     * The airports without those of route headings: a line holding exactly two airports, no flight number and no
     * time, whose first is the next airport printed after it (the first leg's departure) and whose second is printed
     * again further on (the last leg's arrival). The airports as given when no line is one.
     */
    static List<Token> withoutHeadings(String text, List<Token> airports, List<Token> numbers,
            List<DateTimes.Found<java.time.LocalTime>> times) {
        List<Token> kept = new ArrayList<>(airports);
        boolean dropped = false;
        for (int i = 0; i + 2 < airports.size(); i++) {
            Token from = airports.get(i);
            Token to = airports.get(i + 1);
            int lineStart = text.lastIndexOf('\n', Math.max(0, from.start() - 1)) + 1;
            int lineEnd = text.indexOf('\n', from.end());
            int end = lineEnd < 0 ? text.length() : lineEnd;
            if (to.start() >= end || i + 2 < airports.size() && airports.get(i + 2).start() < end
                    || i > 0 && airports.get(i - 1).start() >= lineStart || from.value().equals(to.value())
                    || numbers.stream().anyMatch(n -> n.start() >= lineStart && n.start() < end)
                    || times.stream().anyMatch(t -> t.start() >= lineStart && t.start() < end)) {
                continue;
            }
            boolean departsFirst = airports.get(i + 2).value().equals(from.value());
            boolean arrivesLater = airports.subList(i + 3, airports.size()).stream()
                    .anyMatch(a -> a.value().equals(to.value()));
            if (departsFirst && arrivesLater) {
                kept.remove(from);
                kept.remove(to);
                dropped = true;
                i++;
            }
        }
        return dropped ? kept : airports;
    }
}
