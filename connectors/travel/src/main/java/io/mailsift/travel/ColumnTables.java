package io.mailsift.travel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    // ---- a booking engine's order table of rooms

    /**
     * One room row of an order table: its check-in and check-out days, the cell under the table's hotel column
     * (empty when it has none) and the row's other cells, as printed.
     */
    record StayRow(LocalDate checkin, LocalDate checkout, String hotel, List<String> cells) {
    }

    /** Column names a stay's first day goes under in an order table's header, besides {@link Labels#CHECKIN}'s. */
    private static final Set<String> FIRST_DAY_COLUMNS = Set.of("arrival", "arrival day", "date from", "from date",
            "start date", "datum von", "anreisetag", "ankunft", "date de début", "date d'entrée", "fecha desde",
            "fecha de inicio", "fecha inicio", "desde");
    /** Column names a stay's last day goes under, besides {@link Labels#CHECKOUT}'s. */
    private static final Set<String> LAST_DAY_COLUMNS = Set.of("departure", "departure day", "date to", "to date",
            "end date", "datum bis", "abreisetag", "date de fin", "date de sortie", "fecha hasta", "fecha de fin",
            "fecha fin", "hasta");
    /** A header cell: a column's name, a few words without digits. */
    private static final java.util.regex.Pattern COLUMN_NAME = java.util.regex.Pattern.compile(
            "(?u)[\\p{L}][\\p{L} .'’/&()-]{0,29}");
    /** Lines of one order table at most under its header. */
    private static final int MAX_TABLE_LINES = 80;

    /**
     * The room rows of a booking engine's order table: a header row naming a check-in and a check-out column
     * ("Room type | Hotel | Occupancy | Unit price | Qty | Check-in date | Check-out date | Total", "Zimmer |
     * Anreise | Abreise | Preis") over one row per room, as an HTML table's header pairs with each row's cells
     * ({@link MailLines}: "Check-in date\t14-Nov-2026" lines), as a text table aligns them (rows of as many
     * cells), or as layout tables in each cell print them (one cell a line, the two days on consecutive lines).
     * Rows whose two cells hold no stay (no dates, the last not after the first, longer than a month) are left out.
     */
    static List<StayRow> stays(List<String> lines, LocalDate reference, boolean monthFirst) {
        List<StayRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf('\t') < 0) {
                continue;
            }
            String[] header = line.split("\t");
            if (header.length < 3 || !mayBeStayHeader(header)) {
                continue;
            }
            int[] columns = stayColumns(header);
            if (columns == null) {
                continue;
            }
            int in = columns[0];
            int out = columns[1];
            int hotel = columns[2];
            int end = Math.min(lines.size(), i + 1 + MAX_TABLE_LINES);
            if (i + 1 < end && isPair(lines.get(i + 1), header)) {
                pairedRows(lines, i + 1, end, header, in, out, hotel, reference, monthFirst, rows);
            } else if (i + 1 < end && lines.get(i + 1).split("\t").length == header.length) {
                for (int row = i + 1; row < end; row++) {
                    String[] cells = lines.get(row).split("\t");
                    if (cells.length != header.length) {
                        break;
                    }
                    stay(cells[in], cells[out], hotel < 0 ? "" : cells[hotel].strip(), List.of(cells), reference,
                            monthFirst).ifPresent(rows::add);
                }
            } else if (out == in + 1) {
                lineRows(lines, i + 1, end, in, reference, monthFirst, rows);
            }
        }
        return rows;
    }

    /** Whether the line is an order table's header row naming a stay's check-in and check-out columns. */
    static boolean isStayHeader(String line) {
        if (line.indexOf('\t') < 0) {
            return false;
        }
        String[] header = line.split("\t");
        return header.length >= 3 && mayBeStayHeader(header) && stayColumns(header) != null;
    }

    /** The check-in, check-out and hotel columns (-1: none) of a header row of column names, or null. */
    private static int[] stayColumns(String[] header) {
        int in = -1;
        int out = -1;
        int hotel = -1;
        for (int c = 0; c < header.length; c++) {
            String cell = header[c].strip();
            String bare = bare(cell);
            if (!COLUMN_NAME.matcher(cell).matches()) {
                return null;
            }
            if (in < 0 && (Labels.CHECKIN.isBare(cell) || FIRST_DAY_COLUMNS.contains(bare))) {
                in = c;
            } else if (out < 0 && in >= 0 && (Labels.CHECKOUT.isBare(cell) || LAST_DAY_COLUMNS.contains(bare))) {
                out = c;
            } else if (hotel < 0 && Labels.HOTEL.isBare(cell)) {
                hotel = c;
            }
        }
        return in < 0 || out < 0 ? null : new int[] {in, out, hotel};
    }

    /** The cheap test first: a header row names a check-in or arrival column somewhere. */
    private static boolean mayBeStayHeader(String[] header) {
        for (String cell : header) {
            String bare = bare(cell);
            if (Labels.CHECKIN.isBare(cell) || FIRST_DAY_COLUMNS.contains(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String bare(String cell) {
        String bare = cell.strip().toLowerCase(Locale.ROOT);
        return bare.endsWith(":") ? bare.substring(0, bare.length() - 1).strip() : bare;
    }

    /** "Check-in date\t14-Nov-2026": a header cell paired with a row's cell. */
    private static boolean isPair(String line, String[] header) {
        int tab = line.indexOf('\t');
        if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
            return false;
        }
        return column(header, line.substring(0, tab)) >= 0;
    }

    private static int column(String[] header, String name) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].strip().equals(name.strip())) {
                return c;
            }
        }
        return -1;
    }

    /** Rows as header and cell pairs: a row ends where a column comes again that it had, or another line starts. */
    private static void pairedRows(List<String> lines, int from, int end, String[] header, int in, int out, int hotel,
            LocalDate reference, boolean monthFirst, List<StayRow> rows) {
        Map<Integer, String> row = new LinkedHashMap<>();
        for (int i = from; i <= end; i++) {
            int column = -1;
            String line = i < end ? lines.get(i) : "";
            if (i < end && isPair(line, header)) {
                column = column(header, line.substring(0, line.indexOf('\t')));
            }
            if (column < 0 || row.containsKey(column)) {
                if (row.containsKey(in) && row.containsKey(out)) {
                    stay(row.get(in), row.get(out), row.getOrDefault(hotel, "").strip(), List.copyOf(row.values()),
                            reference, monthFirst).ifPresent(rows::add);
                }
                row.clear();
                if (column < 0) {
                    return;
                }
            }
            row.put(column, line.substring(line.indexOf('\t') + 1));
        }
    }

    /**
     * Rows printed one cell a line (a layout table in each cell): a stay's two days on consecutive lines that are
     * each a date alone; the row's other cells are the lines since the previous row's days.
     */
    private static void lineRows(List<String> lines, int from, int end, int in, LocalDate reference,
            boolean monthFirst, List<StayRow> rows) {
        int rowStart = from;
        for (int i = from; i + 1 < end; i++) {
            String line = lines.get(i);
            if (line.indexOf('\t') >= 0) {
                return; // another table
            }
            Optional<LocalDate> first = dateAlone(line, reference, monthFirst);
            if (first.isEmpty()) {
                continue;
            }
            Optional<LocalDate> last = dateAlone(lines.get(i + 1), reference, monthFirst);
            if (last.isEmpty()) {
                continue;
            }
            // the cells before the days, at most as many as the header has columns before them
            List<String> cells = List.copyOf(lines.subList(Math.max(rowStart, i - in), i));
            stay(line, lines.get(i + 1), "", cells, reference, monthFirst).ifPresent(rows::add);
            i++;
            rowStart = i + 1;
        }
    }

    private static final java.util.regex.Pattern DATE_ALONE = java.util.regex.Pattern.compile(
            "(?u)[\\p{L}\\d][\\p{L}\\d ,./-]{4,28}");

    /** A line that is nothing but a date: "14-Nov-2026", "Fri, 12 Mar 2027", "12/03/2027". */
    private static Optional<LocalDate> dateAlone(String line, LocalDate reference, boolean monthFirst) {
        String cell = line.strip();
        if (!DATE_ALONE.matcher(cell).matches()) {
            return Optional.empty();
        }
        List<DateTimes.Found<LocalDate>> dates = DateTimes.dates(cell, reference, monthFirst);
        return dates.size() == 1 && dates.getFirst().end() - dates.getFirst().start() >= cell.length() - 5
                ? Optional.of(dates.getFirst().value()) : Optional.empty();
    }

    private static Optional<StayRow> stay(String in, String out, String hotel, List<String> cells, LocalDate reference,
            boolean monthFirst) {
        List<DateTimes.Found<LocalDate>> first = DateTimes.dates(in, reference, monthFirst);
        List<DateTimes.Found<LocalDate>> last = DateTimes.dates(out, reference, monthFirst);
        if (first.size() != 1 || last.size() != 1) {
            return Optional.empty();
        }
        LocalDate checkin = first.getFirst().value();
        LocalDate checkout = last.getFirst().value();
        if (!checkout.isAfter(checkin) || checkout.isAfter(checkin.plusDays(31))) {
            return Optional.empty();
        }
        return Optional.of(new StayRow(checkin, checkout, hotel, cells));
    }
}
