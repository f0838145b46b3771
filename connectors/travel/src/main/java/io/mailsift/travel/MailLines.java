package io.mailsift.travel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail body as lines a label reader can use. HTML keeps its table structure: the cells of a row are joined by a tab
 * (so a two-cell row reads "label\tvalue"), a header row's cells are paired with each data row's cells below it
 * ("Flight\tLH 400", "From\tFRA", ...), definition lists become "term\tdefinition". Connectors may only use the JDK,
 * so this is a small tag scanner, not a DOM: enough for the tables and blocks of confirmation mails.
 */
final class MailLines {

    /** Not shown, or shown struck through: a schedule change strikes the old time, which is no longer true. */
    // One '<' before the alternatives: the scan over a 50 KB newsletter then fails at most positions on one check.
    private static final Pattern DROP = Pattern.compile(
            "(?is)<(?:(script|style|head|title|s|strike|del)\\b[^>]*>.*?</\\1\\s*>|!--.*?-->)");
    // TAG itself only strips the tags inside a <pre> block; the body's tags are read by Tag below
    private static final Pattern TAG = Pattern.compile("(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>");
    private static final Pattern PRE_END = Pattern.compile("(?i)</pre\\s*>");
    /**
     * Tried only at a '<' that one of its alternatives can go on from: "!--", an "s" (script, style, s, strike), "ti",
     * "de" or "he" in either case (ASCII only, as a pattern that ignores case without Unicode case folding compares),
     * not at each of a newsletter's 50,000 chars, nor at each of its "td" and "div" tags.
     */
    static final StartedSearch DROP_SEARCH = StartedSearch.beginningWith(DROP, '<', MailLines::mayBeDropped);

    private static boolean mayBeDropped(String html, int lt) {
        if (lt + 2 >= html.length()) {
            return false; // "<" and a char: no alternative matches so little
        }
        char second = (char) (html.charAt(lt + 2) | 0x20);
        return switch (html.charAt(lt + 1)) {
            case '!', 's', 'S' -> true;
            case 't', 'T' -> second == 'i';
            case 'd', 'D', 'h', 'H' -> second == 'e';
            default -> false;
        };
    }

    /**
     * A tag as {@code TAG} ({@code (?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>}) matches it, read by hand: the pattern,
     * tried at each '<' of a newsletter, was a tenth of its reading.
     *
     * @param start where its '<' is
     * @param end after its '>'
     * @param closing whether a '/' precedes its name
     * @param name its name, as written
     */
    record Tag(int start, int end, boolean closing, String name) {

        /** The first tag at or after {@code from}, as {@code find()} from there would give it, or null. */
        static Tag next(String html, int from) {
            for (int lt = html.indexOf('<', from); lt >= 0; lt = html.indexOf('<', lt + 1)) {
                Tag tag = at(html, lt);
                if (tag != null) {
                    return tag;
                }
            }
            return null;
        }

        /** The tag whose '<' is at {@code lt}, or null. */
        static Tag at(String html, int lt) {
            int length = html.length();
            boolean closing = lt + 1 < length && html.charAt(lt + 1) == '/';
            int nameStart = lt + (closing ? 2 : 1);
            if (nameStart >= length || !isAsciiLetter(html.charAt(nameStart))) {
                return null; // (without the '/', the name would have to begin with it)
            }
            int nameEnd = nameStart + 1;
            while (nameEnd < length && (isAsciiLetter(html.charAt(nameEnd)) || isAsciiDigit(html.charAt(nameEnd)))) {
                nameEnd++;
            }
            // \b after the name: not before '_' nor a non-spacing mark, which count as word chars there (a shorter
            // name would end between two letters or digits, where \b never holds)
            if (nameEnd < length && (html.charAt(nameEnd) == '_'
                    || Character.getType(html.codePointAt(nameEnd)) == Character.NON_SPACING_MARK)) {
                return null;
            }
            int gt = html.indexOf('>', nameEnd);
            return gt < 0 ? null : new Tag(lt, gt + 1, closing, html.substring(nameStart, nameEnd));
        }

        private static boolean isAsciiLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
    /** Inside a {@code <pre>} block, the tags that still end a line ("12:55<br>LH 401"); every other tag goes. */
    private static final Pattern LINE_TAG_IN_PRE = Pattern.compile("(?i)</?(?:br|p|div|li|tr|h[1-6])\\b[^>]*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?i)p|div|br|h[1-6]|li|ul|ol|table|tbody|thead|section|article|header|footer|center|hr|blockquote|dl|pre");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("rarr", "→"), Map.entry("ndash", "–"),
            Map.entry("mdash", "—"), Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("agrave", "à"),
            Map.entry("uuml", "ü"), Map.entry("ouml", "ö"), Map.entry("auml", "ä"), Map.entry("Uuml", "Ü"),
            Map.entry("Ouml", "Ö"), Map.entry("Auml", "Ä"), Map.entry("szlig", "ß"), Map.entry("ccedil", "ç"),
            Map.entry("ntilde", "ñ"), Map.entry("aacute", "á"), Map.entry("iacute", "í"), Map.entry("oacute", "ó"),
            Map.entry("uacute", "ú"), Map.entry("ecirc", "ê"), Map.entry("ocirc", "ô"), Map.entry("euro", "€"),
            Map.entry("middot", "·"), Map.entry("bull", "•"), Map.entry("hellip", "…"), Map.entry("raquo", "»"),
            Map.entry("laquo", "«"), Map.entry("deg", "°"), Map.entry("Eacute", "É"), Map.entry("rsquo", "’"));
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");
    // Compiled once: String.replaceAll compiles its pattern on every call, and these run for every cell and line.
    private static final Pattern BAR = Pattern.compile("\\s*\\|\\s*");

    private MailLines() {
    }

    /** The lines of a plain-text body, quote markers of forwards removed, blank lines dropped. */
    static List<String> ofText(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            // the line breaks of \R ("\r\n" is two here: the empty line between them is dropped as any blank one)
            if (i < text.length() && !isLineBreak(text.charAt(i))) {
                continue;
            }
            String line = text.substring(start, i);
            start = i + 1;
            String clean = withoutQuoteMarkers(line).replace('\u00a0', ' ').strip();
            if (!clean.isEmpty()) {
                String cells = spaceRunsAsTabs(clean);
                lines.add(cells.indexOf('|') < 0 ? cells : BAR.matcher(cells).replaceAll("\t"));
            }
        }
        return withoutForwardHeaders(lines);
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * The line without its forward's quote markers, as {@code replaceFirst("^(\\s*>)+", "")} would: the leading run
     * of spaces and '>' up to its last '>'.
     */
    static String withoutQuoteMarkers(String line) {
        int last = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '>') {
                last = i;
            } else if (!isSpace(c)) {
                break;
            }
        }
        return last < 0 ? line : line.substring(last + 1);
    }

    /** Each run of two or more spaces and tabs as one tab (a text table's column gap): {@code [ \\t]{2,}} to "\\t". */
    static String spaceRunsAsTabs(String line) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i + 1 < line.length(); i++) {
            if (isBlank(line.charAt(i)) && isBlank(line.charAt(i + 1))) {
                int end = i + 2;
                while (end < line.length() && isBlank(line.charAt(end))) {
                    end++;
                }
                if (out == null) {
                    out = new StringBuilder(line.length());
                }
                out.append(line, copied, i).append('\t');
                copied = end;
                i = end - 1;
            }
        }
        return out == null ? line : out.append(line, copied, line.length()).toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The lines of an HTML body, tables turned into label and value lines. */
    static List<String> ofHtml(String html) {
        String body = DROP_SEARCH.replaceAll(html, " ");
        List<String> lines = new ArrayList<>();
        List<String> row = null;
        StringBuilder cell = null;
        StringBuilder text = new StringBuilder();
        boolean headerRow = false;
        List<String> header = null;
        int at = 0;
        for (Tag tag = Tag.next(body, at); tag != null; tag = Tag.next(body, at)) {
            String between = decode(body.substring(at, tag.start()));
            at = tag.end();
            (cell != null ? cell : text).append(between);
            String name = tag.name().toLowerCase(java.util.Locale.ROOT);
            boolean closing = tag.closing();
            switch (name) {
                case "tr" -> {
                    if (!closing) {
                        flush(text, lines);
                        row = new ArrayList<>();
                        headerRow = true;
                    } else if (row != null) {
                        if (cell != null) {
                            row.add(squash(cell));
                            cell = null;
                        }
                        header = emitRow(row, headerRow, header, lines);
                        row = null;
                    }
                }
                case "td", "th", "dt", "dd" -> {
                    if (!closing) {
                        if (cell != null && row != null) {
                            row.add(squash(cell));
                        }
                        cell = new StringBuilder();
                        if (row == null) {
                            flush(text, lines);
                            row = new ArrayList<>();
                            headerRow = false;
                        }
                        if (!name.equals("th")) {
                            headerRow = false;
                        }
                    } else if (cell != null && row != null) {
                        row.add(squash(cell));
                        cell = null;
                        if (name.equals("dd")) {
                            emitRow(row, false, null, lines);
                            row = null;
                        }
                    }
                }
                case "pre" -> {
                    Matcher end = closing || cell != null || row != null ? null : PRE_END.matcher(body);
                    if (end != null && end.find(tag.end())) {
                        // a <pre> block keeps its lines and aligned columns: a GDS itinerary or e-ticket receipt
                        // pasted into an HTML mail reads as the plain text it is
                        flush(text, lines);
                        String block = LINE_TAG_IN_PRE.matcher(body.substring(tag.end(), end.start())).replaceAll("\n");
                        lines.addAll(ofText(entities(TAG.matcher(block).replaceAll(""))));
                        at = end.end();
                    } else if (cell != null) {
                        cell.append('\n');
                    } else {
                        flush(text, lines);
                    }
                }
                case "table" -> {
                    header = null;
                    flush(text, lines);
                    if (!closing && cell != null) {
                        // a table in a layout table's cell: what the cell held so far is read before it, not
                        // taken for the first cell of the inner table's first row
                        if (row != null) {
                            row.add(squash(cell));
                            emitRow(row, false, null, lines);
                        } else {
                            emitRow(List.of(squash(cell)), false, null, lines);
                        }
                        cell = null;
                        row = null;
                    }
                }
                default -> {
                    if (BLOCK.matcher(name).matches()) {
                        if (cell != null) {
                            cell.append('\n');
                        } else {
                            flush(text, lines);
                        }
                    } else {
                        (cell != null ? cell : text).append(' ');
                    }
                }
            }
        }
        text.append(decode(body.substring(at)));
        flush(text, lines);
        return withoutForwardHeaders(lines);
    }

    private static final Pattern HEADER_FIELD = Pattern.compile(
            "(?iu)^\\*?(from|to|cc|sent|date|subject|de|à|a|cc|envoyé|objet|von|an|gesendet|datum|betreff|enviado|"
                    + "para|asunto|fecha)\\*?\\s*:(\\t|\\s|$).*");

    /**
     * Lines without the header blocks of forwarded messages ("From: … / Sent: … / To: … / Subject: …" in any of the
     * four languages): their "From", "To", "De", "À" and "Date" would read as a journey's places and dates.
     */
    static List<String> withoutForwardHeaders(List<String> lines) {
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int run = i;
            // A header field has a colon: most lines are ruled out without the pattern.
            while (run < lines.size() && lines.get(run).indexOf(':') >= 0
                    && HEADER_FIELD.matcher(lines.get(run)).matches()) {
                run++;
            }
            if (run - i >= 3 && isMessageHeader(lines.subList(i, run))) {
                i = run;
                continue;
            }
            kept.add(lines.get(i));
            i++;
        }
        return kept;
    }

    private static final Pattern SUBJECT_OR_ADDRESS = Pattern.compile(
            "(?iu)^\\*?(subject|objet|betreff|asunto|sent|envoyé|gesendet|enviado)\\*?\\s*:.*|.*@.*");

    /**
     * Whether a run of "Field: value" lines is a message's header block, which always has a subject, a sent date or an
     * address, and not an itinerary's "From: Paris / To: Lyon / Date: 12 March".
     */
    private static boolean isMessageHeader(List<String> run) {
        for (String line : run) {
            if (SUBJECT_OR_ADDRESS.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A row of cells as lines; returns the header in force for the rows below. */
    private static List<String> emitRow(List<String> row, boolean headerRow, List<String> header, List<String> lines) {
        List<String> cells = row.stream().filter(c -> !c.isBlank()).toList();
        if (cells.isEmpty()) {
            return header;
        }
        boolean allLabels = cells.size() >= 2 && cells.stream().allMatch(Labels::isAnyBare);
        if ((headerRow || allLabels) && cells.size() >= 2) {
            lines.add(String.join("\t", cells));
            return row;
        }
        List<String> headerCells = header == null ? List.of() : header.stream().filter(c -> !c.isBlank()).toList();
        if (header != null && header.size() == row.size() && cells.size() >= 2) {
            // column by column: a row with an empty cell ("Produkte" left blank) still pairs with its header
            for (int i = 0; i < row.size(); i++) {
                if (!row.get(i).isBlank() && !header.get(i).isBlank()) {
                    lines.add(header.get(i) + "\t" + row.get(i).replace('\n', ' '));
                }
            }
            return header;
        }
        if (headerCells.size() == cells.size() && cells.size() >= 2) {
            for (int i = 0; i < cells.size(); i++) {
                lines.add(headerCells.get(i) + "\t" + cells.get(i).replace('\n', ' '));
            }
            return header;
        }
        if (cells.size() == 2 && cells.get(0).length() <= 40) {
            String value = cells.get(1).replace('\n', ' ');
            lines.add(cells.get(0).replace('\n', ' ').strip() + "\t" + value.strip());
            return header;
        }
        for (String each : cells) {
            for (String line : each.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return header;
    }

    private static String squash(StringBuilder cell) {
        StringBuilder out = new StringBuilder();
        for (String line : cell.toString().split("\n")) {
            String clean = collapseSpace(line.replace('\u00a0', ' ')).strip();
            if (!clean.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(clean);
            }
        }
        return out.toString();
    }

    private static void flush(StringBuilder text, List<String> lines) {
        for (String line : text.toString().split("\n")) {
            String clean = collapseSpace(line.replace('\u00a0', ' ')).strip();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        text.setLength(0);
    }

    private static String decode(String html) {
        return entities(collapseSpace(html));
    }

    /** The text with its character entities replaced, white space as it is. */
    private static String entities(String flat) {
        if (flat.indexOf('&') < 0) {
            return flat;
        }
        Matcher m = ENTITY.matcher(flat);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            try {
                value = name.startsWith("#x") || name.startsWith("#X")
                        ? Character.toString(Integer.parseInt(name.substring(2), 16))
                        : name.startsWith("#") ? Character.toString(Integer.parseInt(name.substring(1)))
                        : ENTITIES.getOrDefault(name, m.group());
            } catch (IllegalArgumentException bad) {
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Every run of whitespace as one space, as {@code replaceAll("\\s+", " ")} does, without a regular expression; the
     * text between the runs it changes is copied in one piece each, not char by char.
     */
    static String collapseSpace(String text) {
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ' ' || !isSpace(c)) {
                continue;
            }
            int end = i + 1;
            while (end < length && isSpace(text.charAt(end))) {
                end++;
            }
            if (c != ' ' || end > i + 1) {
                if (out == null) {
                    out = new StringBuilder(length);
                }
                out.append(text, copied, i).append(' ');
                copied = end;
            }
            i = end - 1;
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /** {@code \\s} of a regular expression without the Unicode flag. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
