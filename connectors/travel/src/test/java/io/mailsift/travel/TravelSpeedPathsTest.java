package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text path's faster searches answer exactly as the code they replaced: {@code find()} and {@code replaceAll} of
 * the regular expressions, a {@code contains} per label name, a stem test before a pattern every match of which has
 * the stem. Texts are random joins of pieces chosen to hit the edges (case folding, word boundaries, surrogates).
 */
class TravelSpeedPathsTest {

    /** Pieces that stress case folding and word boundaries in any text. */
    private static final List<String> EDGES = List.of(" ", "  ", "\n", "\t", "\u000B", ".", ":", "-", "_", "é", "É",
            "a", "Z", "x", "1", "42", "İ", "ı", "ſ", "\u212A", "\u0301", "\u00a0", "\uD801\uDC00", "\uD83D\uDE00", "’");

    private static String randomText(SplittableRandom random, List<String> pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String piece = pieces.get(random.nextInt(pieces.size()));
            text.append(switch (random.nextInt(6)) {
                case 0 -> piece.toUpperCase(Locale.ROOT);
                case 1 -> piece.isEmpty() ? piece : "İıſ\u212A".charAt(random.nextInt(4)) + piece.substring(1);
                default -> piece;
            });
        }
        return text.toString();
    }

    private static List<String> withEdges(List<String> words) {
        List<String> pieces = new ArrayList<>(EDGES);
        pieces.addAll(words);
        return pieces;
    }

    /** A search and words of its pattern's alternatives, from which texts with and without matches are built. */
    record Search(String name, StartedSearch search, List<String> words) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Search> searches() {
        return List.of(
                new Search("dropped HTML", MailLines.DROP_SEARCH, List.of("<", ">", "</", "<!--", "-->", "script",
                        "style", "head", "title", "s", "strike", "del", "<s>", "</s >", "<style type=x>", "</STYLE>",
                        "<del>", "</del>", "<strike", "<b>", "p", "<td>", "<div>", "<Title>", "</title>", "<HEAD>",
                        "</head>", "<!", "<d", "<t", "<h")),
                new Search("confirmed booking", TextReservations.CONFIRMED_SEARCH, List.of("reservation", "booking",
                        "table", "réservation", "reserva", "reservierung", "buchung", "tisch", "mesa", "confirmed",
                        "confirmée", "bestätigt", "reserved", "you're", "you are", "booked", "all set", "we confirm",
                        "we are pleased to confirm", "bestätigen wir", "nous vous confirmons", "le confirmamos",
                        "confirmamos", "your", "rbtmywnlc", "is", "te confirmamos", "les ", "le ", "we hereby confirm",
                        "reservada", "réservée")));
    }

    /** Every match, as a find() loop that goes on from the end of each match finds them. */
    private static List<String> found(Matcher matcher) {
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.start() + "-" + matcher.end());
        }
        return found;
    }

    private static List<String> found(StartedSearch search, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = search.pattern().matcher(text);
        for (int from = 0; search.find(matcher, text, from); from = matcher.end()) {
            found.add(matcher.start() + "-" + matcher.end());
        }
        return found;
    }

    @ParameterizedTest
    @MethodSource("searches")
    void shouldFindExactlyTheMatchesOfThePattern(Search search) {
        SplittableRandom random = new SplittableRandom(20261130);
        List<String> pieces = withEdges(search.words());
        int matched = 0;
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(random, pieces, 1 + random.nextInt(12));
            List<String> expected = found(search.search().pattern().matcher(text));
            assertThat(found(search.search(), text)).as("«%s»", text).isEqualTo(expected);
            assertThat(search.search().find(text)).as("«%s»", text).isEqualTo(!expected.isEmpty());
            assertThat(search.search().replaceAll(text, " ")).as("«%s»", text)
                    .isEqualTo(search.search().pattern().matcher(text).replaceAll(" "));
            matched += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("texts with a match").isGreaterThan(100);
    }

    private static final Pattern TWELVE_HOUR_TIME = Pattern.compile("(?i)\\d\\s?[ap]\\.?m\\b");

    @Test
    void shouldTellATwelveHourClockAsThePatternDid() {
        SplittableRandom random = new SplittableRandom(17);
        List<String> pieces = withEdges(List.of("7", "12", "a", "p", "A", "P", "m", "M", ".", " pm", "am", "7pm",
                "7 a.m.", "10:30 PM", "\r", "\f", "ª", "\uD834\uDD67", "mm"));
        int twelveHour = 0;
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, pieces, 1 + random.nextInt(10));
            boolean expected = TWELVE_HOUR_TIME.matcher(text).find();
            assertThat(DateTimes.usesTwelveHourClock(text)).as("«%s»", text).isEqualTo(expected);
            twelveHour += expected ? 1 : 0;
        }
        assertThat(twelveHour).isGreaterThan(1000);
    }

    private static final Pattern TAG = Pattern.compile("(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>");

    @Test
    void shouldReadTagsAsThePatternMatchedThem() {
        SplittableRandom random = new SplittableRandom(13);
        List<String> pieces = withEdges(List.of("<", ">", "</", "/", "td", "tr", "TABLE", "br", "<p>",
                "<td class=\"x\">", "</td>", "< p>", "<1>", "=", "\"", "h1", "<a_", "<b\u0301", "<x\uD834\uDD67>"));
        for (int round = 0; round < 50_000; round++) {
            String html = randomText(random, pieces, 1 + random.nextInt(12));
            List<String> expected = new ArrayList<>();
            Matcher m = TAG.matcher(html);
            while (m.find()) {
                expected.add(m.start() + "-" + m.end() + " " + m.group(1) + m.group(2));
            }
            List<String> read = new ArrayList<>();
            for (MailLines.Tag tag = MailLines.Tag.next(html, 0); tag != null; tag = MailLines.Tag.next(html, tag.end())) {
                read.add(tag.start() + "-" + tag.end() + " " + (tag.closing() ? "/" : "") + tag.name());
            }
            assertThat(read).as("«%s»", html).isEqualTo(expected);
        }
    }

    @Test
    void shouldTakeAsAWordStartEveryCharacterThatBeginsAConfirmedBooking() {
        Pattern pattern = TextReservations.CONFIRMED_SEARCH.pattern();
        List<String> words = List.of("reservation confirmed", "booking confirmed", "table confirmed", "mesa confirmada",
                "you're booked", "we confirm your booking", "nous confirmons votre réservation",
                "le confirmamos su reserva", "confirmamos la reserva", "bestätigen wir ihre buchung",
                "te confirmamos la mesa", "les confirmamos la reserva", "reservierung bestätigt", "tisch bestätigt",
                "buchung bestätigt", "réservation confirmée", "you are all set", "nous vous confirmons votre table",
                "we hereby confirm your table");
        List<String> missed = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            for (String word : words) {
                // what stands before matters only to an ASCII letter, which the word-boundary rule may skip
                for (String before : c < 128 ? List.of("", " ", "x", "_", "1", "é", "\u0301") : List.of(" ")) {
                    String text = before + (char) c + word.substring(1);
                    Matcher m = pattern.matcher(text);
                    m.useTransparentBounds(true).region(before.length(), text.length());
                    if (m.lookingAt() && !TextReservations.CONFIRMED_SEARCH.start().possibleAt(text, before.length())) {
                        missed.add(text);
                    }
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void shouldTellTheGroupsOfTheNamesATextContainsAsContainsDoes() {
        Map<String, Long> groups = new LinkedHashMap<>();
        List<String> names = List.of("de", "à", "an", "booking reference", "booking", "ref", "référence", "n° de",
                "pnr", "nr", "abfahrt", "ab", "reservation number", "reservation code", "ervation", "a", "to", "tot", "");
        for (int i = 0; i < names.size(); i++) {
            groups.merge(names.get(i), 1L << (i % 7), (a, b) -> a | b);
        }
        NamesAutomaton automaton = NamesAutomaton.of(groups);
        SplittableRandom random = new SplittableRandom(7);
        List<String> pieces = withEdges(names);
        pieces.addAll(List.of("boo", "reserv", "ation", "number", "refe", "rence", "d", "e", "n°", "°"));
        for (int round = 0; round < 50_000; round++) {
            String text = Labels.fold(randomText(random, pieces, random.nextInt(10)));
            long expected = 0;
            for (Map.Entry<String, Long> name : groups.entrySet()) {
                if (text.contains(name.getKey())) {
                    expected |= name.getValue();
                }
            }
            assertThat(automaton.groupsIn(text)).as("«%s»", text).isEqualTo(expected);
        }
    }

    @Test
    void shouldTellTheGroupsOfTheNamesALongTextContainsAsContainsDoesWhereverTheyStand() {
        // long texts are read as two halves at once: names planted anywhere, around the middle most of all
        Map<String, Long> groups = new LinkedHashMap<>();
        List<String> names = List.of("booking reference", "ref", "référence", "n° de", "pnr", "reservation number",
                "to", "abfahrt", "xy");
        for (int i = 0; i < names.size(); i++) {
            groups.merge(names.get(i), 1L << i, (a, b) -> a | b);
        }
        NamesAutomaton automaton = NamesAutomaton.of(groups);
        SplittableRandom random = new SplittableRandom(13);
        String filler = "abcdefgnoprstu °x-";
        for (int round = 0; round < 30_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 400);
            for (int i = 0; i < length; i++) {
                text.append(filler.charAt(random.nextInt(filler.length())));
            }
            for (int planted = random.nextInt(3); planted > 0; planted--) {
                String name = names.get(random.nextInt(names.size()));
                int middle = text.length() / 2;
                int at = random.nextBoolean() ? random.nextInt(text.length() + 1)
                        : Math.clamp(middle - random.nextInt(-3, 22), 0, text.length());
                text.insert(at, name);
            }
            String sample = text.toString();
            long expected = 0;
            for (Map.Entry<String, Long> name : groups.entrySet()) {
                if (sample.contains(name.getKey())) {
                    expected |= name.getValue();
                }
            }
            assertThat(automaton.groupsIn(sample)).as("«%s»", sample).isEqualTo(expected);
        }
    }

    @Test
    void shouldFoldEveryCharacterAsTheCaseInsensitiveUnicodePatternsCompareIt() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
        }
        String folded = Labels.fold(all.toString());
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(folded.charAt(c)).isEqualTo(Character.toLowerCase(Character.toUpperCase((char) c)));
            assertThat(Labels.fold((char) c)).isEqualTo(folded.charAt(c));
        }
    }

    /** Each pattern whose every match contains one of the stems (folded), with words of its alternatives. */
    static List<Object[]> stemmed() {
        return List.of(
                new Object[] {"numbered reference", Labels.NUMBERED, Labels.NUMBERED_STEMS,
                        List.of("commande", "réservation", "reservation", "booking", "order", "dossier", "bestellung",
                                "buchung", "reserva", "pedido", "confirmation", "itinerary", " n°", " nº", " no.",
                                "nr.", "#", ": ", "AB12C", "1234567")},
                new Object[] {"party", TextReservations.PARTY, TextReservations.PARTY_STEMS,
                        List.of("party of", "table for", "tisch für", "mesa para", "two", "4", "12", "cuatro",
                                "people", "persons", "guests", "diners", "personnes", "couverts", "personen", "gäste",
                                "personas", "comensales", "zwei", "huit")});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stemmed")
    void shouldFindAStemInEveryTextThePatternMatches(String name, Pattern pattern, List<String> stems,
            List<String> words) {
        SplittableRandom random = new SplittableRandom(11);
        List<String> pieces = withEdges(words);
        int matched = 0;
        for (int round = 0; round < 100_000; round++) {
            String text = randomText(random, pieces, 1 + random.nextInt(8));
            if (pattern.matcher(text).find()) {
                matched++;
                String folded = Labels.fold(text);
                assertThat(stems.stream().anyMatch(folded::contains)).as("«%s»", text).isTrue();
            }
        }
        assertThat(matched).as("texts with a match").isGreaterThan(100);
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern QUOTE_MARKERS = Pattern.compile("^(\\s*>)+");
    private static final Pattern SPACE_RUN = Pattern.compile("[ \\t]{2,}");
    private static final Pattern BAR = Pattern.compile("\\s*\\|\\s*");

    /** The plain-text lines as the regular expressions read them before. */
    private static List<String> linesAsBefore(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(text)) {
            String clean = QUOTE_MARKERS.matcher(line).replaceFirst("").replace('\u00a0', ' ').strip();
            if (!clean.isEmpty()) {
                String cells = SPACE_RUN.matcher(clean).replaceAll("\t");
                lines.add(cells.indexOf('|') < 0 ? cells : BAR.matcher(cells).replaceAll("\t"));
            }
        }
        return MailLines.withoutForwardHeaders(lines);
    }

    @Test
    void shouldCollapseWhitespaceAsTheRegularExpressionDid() {
        SplittableRandom random = new SplittableRandom(19);
        List<String> pieces = withEdges(List.of(" ", " \t", "\r\n", "\u2003", "\u0085", "word", "x y"));
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, pieces, random.nextInt(12));
            assertThat(MailLines.collapseSpace(text)).as("«%s»", text).isEqualTo(text.replaceAll("\\s+", " "));
        }
    }

    @Test
    void shouldReadPlainTextLinesAsTheRegularExpressionsDid() {
        SplittableRandom random = new SplittableRandom(3);
        List<String> pieces = withEdges(List.of("\r\n", "\r", "\n\n", "\u2028", "\u2029", "\u0085", "\f", " \t ",
                "   ", ">", " > ", ">>", "> >", "|", " | ", "\u00a0", "From: Anna <a@b.c>", "Subject: Trip", "Date: 3 May",
                "To: Paris", "Flight", "LH 400"));
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(random, pieces, random.nextInt(16));
            assertThat(MailLines.ofText(text)).as("«%s»", text).isEqualTo(linesAsBefore(text));
        }
    }

    @Test
    void shouldFindNamesInUnfoldedTextAsInFoldedText() {
        Map<String, Long> groups = new LinkedHashMap<>();
        List<String> names = List.of("de", "à", "référence", "n° de", "booking ref", "ſs", "straße", "kelvin");
        for (int i = 0; i < names.size(); i++) {
            groups.put(Labels.fold(names.get(i)), 1L << i);
        }
        NamesAutomaton exact = NamesAutomaton.of(groups);
        NamesAutomaton folding = NamesAutomaton.of(groups, c -> Labels.fold((char) c));
        SplittableRandom random = new SplittableRandom(5);
        List<String> pieces = withEdges(names);
        for (int round = 0; round < 50_000; round++) {
            String text = randomText(random, pieces, random.nextInt(10));
            assertThat(folding.groupsIn(text)).as("«%s»", text).isEqualTo(exact.groupsIn(Labels.fold(text)));
        }
    }

    @Test
    void shouldNeverLowerCaseACharThatIsNoSpaceIntoNothingOrASpace() {
        // what the bare-label bound rests on: each char that is not whitespace stays one char or more, none a space
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c) || Character.isWhitespace((char) c)) {
                continue;
            }
            String lower = String.valueOf((char) c).toLowerCase(Locale.ROOT);
            assertThat(lower).isNotEmpty();
            assertThat(lower.chars().noneMatch(Character::isWhitespace)).as("U+%04X", c).isTrue();
        }
    }

    @Test
    void shouldTakeNoLineWithMoreCharsThanTheBoundForABareLabel() {
        SplittableRandom random = new SplittableRandom(9);
        List<String> pieces = withEdges(List.of("Your", "airline", "booking reference", "Booking Reference", ":", "：",
                "   ", "\t", "confirmation number", "aéroport de départ", "reservierungsnummer", "x", "the"));
        for (int round = 0; round < 50_000; round++) {
            String line = randomText(random, pieces, random.nextInt(8));
            if (!Labels.mayBeBare(line)) {
                for (Labels label : Labels.values()) {
                    assertThat(label.isBare(line)).as("«%s» %s", line, label).isFalse();
                }
            }
        }
    }
}
