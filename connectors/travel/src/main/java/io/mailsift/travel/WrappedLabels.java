package io.mailsift.travel;

import java.util.List;
import java.util.Optional;

/**
 * Labels whose value a text rendering of an HTML table wrapped onto the next line: the label ends its line, as the
 * row's last cell, and its value starts the next one ("Booking no. | AOI-1234567 | Arrival" over "10.08.2018 |
 * Departure | 18.08.2018"). Text mails made from HTML wrap at a fixed width, wherever a cell falls.
 */
final class WrappedLabels {

    /** A line's last cell when it is some label alone, else null; by identity, as every label asks of each line. */
    private record LastCell(String line, String label) {
    }

    private static final LastCell[] RECENT = new LastCell[1024];
    private static final int LONGEST_LABEL = 48;

    private WrappedLabels() {
    }

    /** The first cell of the next line when this line's last cell is the label alone. */
    static Optional<String> valueAfter(Labels label, List<String> lines, int index) {
        if (index + 1 >= lines.size()) {
            return Optional.empty();
        }
        String last = lastLabelCell(lines.get(index));
        if (last == null || !label.isBare(last)) {
            return Optional.empty();
        }
        String next = lines.get(index + 1).strip();
        int cellEnd = next.indexOf('\t');
        String first = (cellEnd < 0 ? next : next.substring(0, cellEnd)).strip();
        // a label there is the next row's own, not this one's value
        return first.isEmpty() || Labels.isAnyBare(first) ? Optional.empty() : Optional.of(first);
    }

    private static String lastLabelCell(String line) {
        int slot = System.identityHashCode(line) & (RECENT.length - 1);
        LastCell known = RECENT[slot];
        if (known != null && known.line() == line) {
            return known.label();
        }
        int tab = line.lastIndexOf('\t');
        String last = tab < 0 || line.length() - tab > LONGEST_LABEL ? null : line.substring(tab + 1);
        String label = last != null && !last.isBlank() && Labels.isAnyBare(last) ? last : null;
        RECENT[slot] = new LastCell(line, label); // a record's fields are final: other threads see it whole or not
        return label;
    }
}
