package io.mailsift.travel;

import java.util.List;
import java.util.Optional;

/**
 * Labels whose value a text rendering of an HTML table wrapped onto the next line: the label ends its line, as the
 * row's last cell, and its value starts the next one ("Booking no. | AOI-1234567 | Arrival" over "10.08.2018 |
 * Departure | 18.08.2018"). Text mails made from HTML wrap at a fixed width, wherever a cell falls.
 */
final class WrappedLabels {

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

    /**
     * A line's last cell when it is some label alone, else null. Nothing is kept between calls: a cache shared by all
     * mails would hold past users' mail lines in memory. Only the line's last {@code LONGEST_LABEL} characters are
     * looked at, so every label asking of every line stays cheap.
     */
    private static String lastLabelCell(String line) {
        int tab = line.length() - 1;
        int stop = Math.max(0, line.length() - LONGEST_LABEL);
        while (tab >= stop && line.charAt(tab) != '\t') {
            tab--;
        }
        if (tab < stop) {
            return null;
        }
        String last = line.substring(tab + 1);
        return !last.isBlank() && Labels.isAnyBare(last) ? last : null;
    }
}
