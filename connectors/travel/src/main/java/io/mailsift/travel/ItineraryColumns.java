package io.mailsift.travel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a flight's airports from an itinerary table's columns: a header row of labels ("Date | Flight | Depart |
 * Time | Arrive | Time") over one row per leg whose departure and arrival cells print airport names without codes
 * ("TUE 06APR | BA 2602 | London Heathrow | 07:35 | Milan Linate | 10:35"), as agency and GDS itineraries do in
 * plain text (columns aligned with spaces) and HTML. The leg's row and its header must have as many cells.
 */
final class ItineraryColumns {

    /** A table's header is near its rows: a leg's row is at most this many lines under it. */
    private static final int MAX_ROWS_UNDER_HEADER = 12;

    private ItineraryColumns() {
    }

    /**
     * The departure and arrival airport codes the leg's row names under its header's from and to columns, or empty
     * when the row is under no such header or a name does not decide its airport.
     */
    static List<String> airports(List<String> lines, int row) {
        String[] cells = lines.get(row).split("\t");
        if (cells.length < 3) {
            return List.of();
        }
        for (int above = row - 1; above >= Math.max(0, row - MAX_ROWS_UNDER_HEADER); above--) {
            String[] header = lines.get(above).split("\t");
            if (!isHeader(header)) {
                continue;
            }
            if (header.length != cells.length) {
                return List.of();
            }
            int from = column(header, Labels.FROM);
            int to = column(header, Labels.TO);
            if (from < 0 || to < 0 || from == to) {
                return List.of();
            }
            Optional<Airports.Airport> departure = Airports.ofPlaceName(cells[from]);
            Optional<Airports.Airport> arrival = Airports.ofPlaceName(cells[to]);
            return departure.isPresent() && arrival.isPresent() && !departure.equals(arrival)
                    ? List.of(departure.get().code(), arrival.get().code()) : List.of();
        }
        return List.of();
    }

    /**
     * The departure and arrival codes of a row of two cells that are each nothing but a place deciding its airport
     * ("Köln/Bonn | Palma de Mallorca"), as airlines print a leg's places over their times; else empty.
     */
    static List<String> placeCells(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0 || line.indexOf('\t', tab + 1) >= 0 || line.length() > 90) {
            return List.of();
        }
        String from = line.substring(0, tab).strip();
        String to = line.substring(tab + 1).strip();
        if (!PLACE_CELL.matcher(from).matches() || !PLACE_CELL.matcher(to).matches()) {
            return List.of();
        }
        Optional<Airports.Airport> departure = Airports.ofPlaceName(from);
        Optional<Airports.Airport> arrival = Airports.ofPlaceName(to);
        return departure.isPresent() && arrival.isPresent() && !departure.equals(arrival)
                ? List.of(departure.get().code(), arrival.get().code()) : List.of();
    }

    /** A place's name alone: capitalised words, a slash or hyphen between them, no digits nor colon. */
    private static final Pattern PLACE_CELL = Pattern.compile("(?u)\\p{Lu}[\\p{L} .'’/()-]{2,40}");

    /** The first column this label names, or -1. */
    private static int column(String[] header, Labels label) {
        for (int c = 0; c < header.length; c++) {
            if (label.isBare(header[c])) {
                return c;
            }
        }
        return -1;
    }

    /**
     * A row of three or more cells, each a label's name but for one short word no label knows ("Flight"): the
     * column names of a table.
     */
    private static boolean isHeader(String[] cells) {
        if (cells.length < 3) {
            return false;
        }
        int others = 0;
        for (String cell : cells) {
            if (!Labels.isAnyBare(cell) && (++others > 1 || !COLUMN_NAME.matcher(cell).matches())) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern COLUMN_NAME = Pattern.compile("\\s*\\p{L}{2,12}\\s*");
}
