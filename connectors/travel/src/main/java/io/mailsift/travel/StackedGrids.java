package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;

/**
 * A table with a header row, as the plain-text part of an HTML mail renders it: one cell a line, the header's cells
 * first ("Date / Airline / Flight / From / Depart / To / Arrive / Class"), then each row's cells in the same order.
 * Read back as {@link MailLines} reads the HTML table: the header's cells on one line, then each cell beside its
 * header ("Flight\tEI 155", "From\tLondon Heathrow", ...), so that the text reads as its HTML does.
 */
final class StackedGrids {

    /** The fewest header cells taken for a table's: fewer are as often a label and its value. */
    private static final int FEWEST_COLUMNS = 3;

    private StackedGrids() {
    }

    /** The lines with each such table's cells beside their headers; the lines themselves if there is none. */
    static List<String> joined(List<String> lines) {
        List<String> out = null;
        for (int i = 0; i < lines.size(); i++) {
            int columns = headerCells(lines, i);
            int rows = columns == 0 ? 0 : rows(lines, i + columns, columns);
            if (rows == 0) {
                if (out != null) {
                    out.add(lines.get(i));
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(lines.subList(0, i));
            }
            List<String> header = lines.subList(i, i + columns).stream().map(String::strip).toList();
            out.add(String.join("\t", header));
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    out.add(header.get(column) + "\t" + lines.get(i + columns * (row + 1) + column).strip());
                }
            }
            i += columns * (rows + 1) - 1;
        }
        return out == null ? lines : out;
    }

    /**
     * How many lines from {@code at} are a header's cells: short lines without digits or tabs, most of them labels
     * ("Date", "From", "Depart"); 0 when fewer than {@link #FEWEST_COLUMNS}, or the line before is one too.
     */
    private static int headerCells(List<String> lines, int at) {
        if (at > 0 && isHeaderCell(lines.get(at - 1))) {
            return 0;
        }
        int end = at;
        int labels = 0;
        while (end < lines.size() && end - at < 10 && isHeaderCell(lines.get(end))) {
            labels += Labels.isAnyBare(lines.get(end).strip()) ? 1 : 0;
            end++;
        }
        int cells = end - at;
        return cells >= FEWEST_COLUMNS && 2 * labels >= cells ? cells : 0;
    }

    private static boolean isHeaderCell(String line) {
        String cell = line.strip();
        return !cell.isEmpty() && cell.length() <= 25 && cell.indexOf('\t') < 0 && cell.indexOf(':') < 0
                && cell.chars().noneMatch(Character::isDigit);
    }

    /**
     * How many rows of {@code columns} lines follow the header: each row holds a flight number, and its first cell is
     * of the same kind as the first row's (a date, a number or a word). 0 when none does.
     */
    private static int rows(List<String> lines, int at, int columns) {
        int rows = 0;
        String firstKind = null;
        for (int start = at; start + columns <= lines.size(); start += columns) {
            List<String> row = lines.subList(start, start + columns);
            boolean leg = row.stream().anyMatch(cell -> !Legs.flightNumbers(cell).isEmpty());
            String kind = kind(row.getFirst());
            // a label among the cells ("Departs") or a sentence is a block of label lines, not a table's row
            if (!leg || row.stream().anyMatch(cell -> cell.isBlank() || cell.indexOf('\t') >= 0 || cell.length() > 60
                    || Labels.isAnyBare(cell.strip())) || firstKind != null && !firstKind.equals(kind)) {
                break;
            }
            firstKind = kind;
            rows++;
        }
        return rows;
    }

    private static String kind(String cell) {
        if (!Legs.flightNumbers(cell).isEmpty()) {
            return "number";
        }
        return cell.chars().anyMatch(Character::isDigit) ? "figures" : "words";
    }
}
