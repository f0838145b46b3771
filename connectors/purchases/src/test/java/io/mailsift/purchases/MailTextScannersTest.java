package io.mailsift.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MailText's tag scanners match exactly where, and as far as, the regular expressions they stand for. */
class MailTextScannersTest {

    record Case(String name, Pattern pattern, java.util.function.Supplier<MailText.MatchEnd> scanners, String starts) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> scanners() {
        return List.of(new Case("hidden", MailText.HIDDEN, () -> MailText::hiddenEnd, "<"),
                new Case("line break", MailText.LINE_BREAK, () -> MailText::lineBreakEnd, "<"),
                new Case("cell end", MailText.CELL_END, () -> MailText::cellEndEnd, "<"),
                new Case("tag", MailText.TAG, () -> MailText::tagEnd, "<"));
    }

    private static final List<String> PIECES = List.of("<", ">", "/", "</", "<!--", "-->", "--", "!", " ", "\t", "\n",
            "\r", "\u000B", "\f", "\u00A0", "\u2003", "a", "x", "1", "7", "_", "é", "ſ", "ı", "İ", "K", "\u212A", "-",
            "head", "HEAD", "Head", "header", "style", "STYLE", "ſtyle", "script", "scrıpt", "Script", "title", "TITLE",
            "br", "BR", "bR", "p", "P", "div", "DIV", "tr", "TR", "li", "LI", "link", "h1", "H6", "h7", "h", "table",
            "TABLE", "ul", "ol", "OL", "td", "TD", "th", "Th", "tbody", "pre", "span", "=\"x\"", "'", "\u0301", "\u20DD",
            "\uD834\uDD67", "\uD801\uDC00", "<style", "</style>", "<STYLE", "</Style", "<script", "</script >", "<head",
            "</head>", "<title", "</title>", "<!--", "<br", "< br", "<p", "</p", "</ p", "<h2", "</td>", "</ th >",
            "<td", "</tr", "<div", "</div>", "<li", "<table", "</table", " \t", "\u00A0\t ", "\t\u000B", "  ", "   \t",
            "\r\n", "\u0085", "\u2028", "\u2029", " \u00A0 ");

    @ParameterizedTest
    @MethodSource("scanners")
    void shouldEndAMatchExactlyWhereThePatternsMatchEnds(Case scanner) {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 60_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 14);
            for (int i = 0; i < length; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String sample = text.toString();
            MailText.MatchEnd regex = MailText.lookingAt(scanner.pattern(), sample);
            MailText.MatchEnd scan = scanner.scanners().get();
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int at = 0; at < sample.length(); at++) {
                if (scanner.starts().indexOf(sample.charAt(at)) >= 0) {
                    expected.add(at + ":" + regex.at(sample, at));
                    actual.add(at + ":" + scan.at(sample, at));
                }
            }
            assertThat(actual).as(sample).isEqualTo(expected);
        }
    }

    private static String randomText(SplittableRandom random, List<String> pieces, int most) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(1, most);
        for (int i = 0; i < length; i++) {
            text.append(pieces.get(random.nextInt(pieces.size())));
        }
        return text.toString();
    }

    @org.junit.jupiter.api.Test
    void shouldJoinSpacesAroundTabsAndRemoveEdgeSpacesAsTheReplaceAllOfThePatternsDoes() {
        SplittableRandom random = new SplittableRandom(13);
        for (int run = 0; run < 100_000; run++) {
            String sample = randomText(random, PIECES, 16);
            assertThat(MailText.spaceAroundTabsJoined(sample)).as(sample)
                    .isEqualTo(MailText.SPACE_AROUND_TAB.matcher(sample).replaceAll("\t"));
            assertThat(MailText.edgeSpaceRemoved(sample)).as(sample)
                    .isEqualTo(MailText.EDGE_SPACE.matcher(sample).replaceAll(""));
        }
    }

    private static final List<String> ENTITY_PIECES = List.of("&", ";", "&amp;", "&times;", "&eacute;", "&Eacute;",
            "&szlig;", "&nbsp;", "&unknown;", "&toolongname;", "&a;", "&#39;", "&#x41;", "amp", "times", "eacute", "x",
            " ", "\n", "é", "&&", ";;", "\uD83D\uDE00", "$", "\\");

    @org.junit.jupiter.api.Test
    void shouldDecodeNamedEntitiesAsAFindLoopOverThePatternDoes() {
        SplittableRandom random = new SplittableRandom(17);
        for (int run = 0; run < 100_000; run++) {
            String sample = randomText(random, ENTITY_PIECES, 12);
            java.util.regex.Matcher named = MailText.NAMED_ENTITY.matcher(sample);
            StringBuilder expected = new StringBuilder();
            while (named.find()) {
                named.appendReplacement(expected, java.util.regex.Matcher.quoteReplacement(
                        MailText.namedCharacter(named.group(1), named.group())));
            }
            named.appendTail(expected);
            assertThat(MailText.namedEntitiesDecoded(sample)).as(sample).isEqualTo(expected.toString());
        }
    }
}
