package io.mailsift.travel;

import java.util.List;

import io.mailsift.travel.Legs.Token;

/**
 * Reads a flight's route from an e-ticket receipt's "FROM /TO" rows, as GDS receipts (Amadeus, Sabre, Galileo) print
 * them: each leg's row starts with its departure ("FRANKFURT FRA  LH 1172  K  16MAR  0715 ..."), and the next row's
 * place, the next leg's or a last row of its own ("FRANKFURT FRA"), is its arrival.
 */
final class ReceiptRows {

    /** The last row, the final arrival's, follows the last leg's closely (a terminal line between them at most). */
    private static final int MAX_LINES_TO_LAST_ROW = 3;

    private ReceiptRows() {
    }

    /**
     * The departure and arrival codes of leg {@code i} when its row and the next one each start with one airport,
     * the leg's number after it; else empty.
     */
    static List<String> route(String text, List<Token> numbers, List<Token> airports, int i) {
        Token number = numbers.get(i);
        int lineStart = lineStart(text, number.start());
        int lineEnd = lineEnd(text, number.start());
        Token departure = onlyAirportBefore(text, airports, lineStart, number.start());
        if (departure == null) {
            return List.of();
        }
        Token arrival;
        if (i + 1 < numbers.size()) {
            Token next = numbers.get(i + 1);
            int nextStart = lineStart(text, next.start());
            arrival = onlyAirportBefore(text, airports, nextStart, next.start());
            if (arrival == null || airports.stream().anyMatch(a -> a.start() > lineEnd && a.start() < nextStart)) {
                return List.of();
            }
        } else {
            arrival = airports.stream().filter(a -> a.start() > lineEnd).findFirst().orElse(null);
            if (arrival == null || !text.substring(lineStart(text, arrival.start()), arrival.start()).isBlank()
                    && !startsWithPlace(text, arrival) || linesBetween(text, lineEnd, arrival.start()) > MAX_LINES_TO_LAST_ROW
                    || numbers.stream().anyMatch(n -> n.start() > lineEnd)) {
                return List.of();
            }
        }
        return departure.value().equals(arrival.value()) ? List.of() : List.of(departure.value(), arrival.value());
    }

    /** The one airport on the line between its start and {@code end}, when the line starts with its place. */
    private static Token onlyAirportBefore(String text, List<Token> airports, int lineStart, int end) {
        List<Token> found = airports.stream().filter(a -> a.start() >= lineStart && a.start() < end).toList();
        if (found.size() != 1 || !startsWithPlace(text, found.getFirst())) {
            return null;
        }
        return found.getFirst();
    }

    /** Whether only the place's name (letters, spaces) stands before the code on its line: "FRANKFURT FRA". */
    private static boolean startsWithPlace(String text, Token airport) {
        String before = text.substring(lineStart(text, airport.start()), airport.start());
        for (int c = 0; c < before.length(); c++) {
            char ch = before.charAt(c);
            if (!Character.isLetter(ch) && ch != ' ' && ch != '-' && ch != '/' && ch != '.' && ch != '\'') {
                return false;
            }
        }
        return before.length() <= 40;
    }

    private static int linesBetween(String text, int from, int to) {
        int count = 0;
        for (int at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
            count++;
        }
        return count;
    }

    private static int lineStart(String text, int position) {
        return text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
    }

    private static int lineEnd(String text, int position) {
        int end = text.indexOf('\n', position);
        return end < 0 ? text.length() : end;
    }
}
