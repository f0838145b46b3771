package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;

/**
 * A table with one column per leg ("| Outbound | Return" over rows "Flight | U2 2261 | U2 2262", "From | ...",
 * "Date | ...") reads, as {@link MailLines} renders it, row by row: each row's cells under their column's heading
 * ("Outbound\tU2 2261", "Return\tU2 2262", "Outbound\tLondon Gatwick (LGW)", ...), the legs interleaved. Read column
 * by column, each leg's number, places, date and times follow one another as in any other itinerary.
 */
final class LegColumns {

    /** A leg's table has a dozen rows at most: a longer run of alike rows is no itinerary, and scanning it is waste. */
    private static final int MAX_ROWS = 12;

    private LegColumns() {
    }

    /** The lines with each such table's cells regrouped column by column; the lines themselves if there is none. */
    static List<String> regrouped(List<String> lines) {
        List<String> out = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int rows = line.indexOf('\t') > 0 && line.chars().noneMatch(Character::isDigit) ? rowsUnder(lines, i) : 0;
            if (rows == 0) {
                if (out != null) {
                    out.add(line);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(lines.subList(0, i));
            }
            int columns = line.split("\t").length;
            out.add(line);
            for (int column = 0; column < columns; column++) {
                for (int row = 0; row < rows; row++) {
                    out.add(lines.get(i + 1 + row * columns + column));
                }
            }
            i += rows * columns;
        }
        return out == null ? lines : out;
    }

    /**
     * How many rows of cells follow a heading line whose cells head them in turn, when one of those rows holds a
     * flight number under two headings or more (the legs side by side); else 0. Scans at most {@link #MAX_ROWS} rows
     * and gives up after two rows without a flight number, so that a long run of alike lines stays linear.
     */
    private static int rowsUnder(List<String> lines, int at) {
        String[] headings = lines.get(at).split("\t");
        int columns = headings.length;
        if (columns < 2 || columns > 6) {
            return 0;
        }
        int rows = 0;
        boolean legsSideBySide = false;
        boolean anyNumber = false;
        for (int next = at + 1; next + columns <= lines.size() && rows < MAX_ROWS; next += columns) {
            if (rows == 2 && !anyNumber) {
                return 0; // the flight's row comes first or second in a leg's table
            }
            int numbers = 0;
            for (int column = 0; column < columns; column++) {
                String cell = lines.get(next + column);
                if (!cell.startsWith(headings[column] + "\t")) {
                    return rows >= 2 && legsSideBySide ? rows : 0;
                }
                numbers += Legs.flightNumbers(cell.substring(headings[column].length() + 1)).isEmpty() ? 0 : 1;
            }
            legsSideBySide |= numbers >= 2;
            anyNumber |= numbers > 0;
            rows++;
        }
        return rows >= 2 && legsSideBySide ? rows : 0;
    }
}
