package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Label columns of plain-text tables: a line of labels ("Check-in      Checkout") over lines of as many cells
 * ("Fri, Apr 16, 2027     Mon, Apr 19, 2027" / "4:00 PM     11:00 AM"), which {@link MailLines#ofText} keeps as
 * tab-separated lines. HTML tables are paired by {@link MailLines} already; this reads what text mails align with
 * spaces.
 */
final class ColumnTables {

    private ColumnTables() {
    }

    /**
     * The cells under this label's column, joined by line breaks, with the index of the header line; rows that are
     * themselves label and value pairs (an HTML table's pairing) end the column.
     */
    static List<Map.Entry<Integer, String>> values(List<String> lines, Labels label) {
        List<Map.Entry<Integer, String>> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf('\t') < 0) {
                continue;
            }
            String[] header = line.split("\t");
            int column = -1;
            for (int c = 0; c < header.length && column < 0; c++) {
                if (label.isBare(header[c])) {
                    column = c;
                }
            }
            if (column < 0 || !isHeader(header)) {
                continue;
            }
            StringBuilder cells = new StringBuilder();
            for (int row = i + 1; row < lines.size(); row++) {
                String[] values = lines.get(row).split("\t");
                if (values.length != header.length || Labels.isAnyBare(values[0])) {
                    break;
                }
                cells.append(cells.isEmpty() ? "" : "\n").append(values[column].strip());
            }
            if (!cells.isEmpty()) {
                found.add(Map.entry(i, cells.toString()));
            }
        }
        return found;
    }

    private static boolean isHeader(String[] cells) {
        if (cells.length < 2) {
            return false;
        }
        for (String cell : cells) {
            if (!Labels.isAnyBare(cell)) {
                return false;
            }
        }
        return true;
    }
}
