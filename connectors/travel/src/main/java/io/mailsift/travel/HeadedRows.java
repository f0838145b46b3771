package io.mailsift.travel;

import java.util.List;
import java.util.Optional;

/**
 * A block of label rows under a heading, as box offices print an order: the show's name as a heading, then "Date &amp;
 * Time | Sat, Mar 13, 2027 8:00 PM", "Venue | Greek Theatre" rows. The heading names what the rows describe.
 */
final class HeadedRows {

    /** Rows of one block at most between the heading and the row asked about. */
    private static final int MAX_ROWS = 8;

    private HeadedRows() {
    }

    /** The heading over the block of label rows the row {@code row} is in, when it reads as a name. */
    static Optional<String> nameOver(List<String> lines, int row) {
        int i = row - 1;
        int rows = 0;
        while (i >= 0 && (lines.get(i).isBlank() || lines.get(i).indexOf('\t') > 0) && rows < MAX_ROWS) {
            if (!lines.get(i).isBlank()) {
                rows++;
            }
            i--;
        }
        return i >= 0 && rows < MAX_ROWS ? CardLines.asName(lines.get(i).strip()) : Optional.empty();
    }
}
