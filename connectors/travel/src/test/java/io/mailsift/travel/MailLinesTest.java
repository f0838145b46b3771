package io.mailsift.travel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The whitespace collapsing that replaced a regular expression must read text exactly as the expression did. */
class MailLinesTest {

    @Test
    void shouldCollapseWhitespaceRunsExactlyAsTheRegularExpressionDid() {
        for (String text : List.of("", " ", "a", "a b", "  a  b  ", "a\tb", "a\r\n\tb", "\u000B\fx\u00a0 y", "a \t b",
                "ends with space ", "\n", "x\u2003y  z")) {
            assertThat(MailLines.collapseSpace(text)).as("«%s»", text).isEqualTo(text.replaceAll("\\s+", " "));
        }
    }

    @Test
    void shouldReadTableRowsAsLabelAndValueLinesAndDropScriptsAndComments() {
        List<String> lines = MailLines.ofHtml("""
                <html><head><title>t</title><style>td { color: red }</style></head><body>
                <!-- tracking --><script>var x = "<td>no</td>";</SCRIPT>
                <table><tr><td>Booking&nbsp;reference:</td><td> AB&amp;12 </td></tr>
                <tr><th>Flight</th><th>From</th></tr><tr><td>LH  400</td><td>FRA</td></tr></table>
                <p>Have a <s>bad</s> nice&#33; trip</p></body></html>""");

        assertThat(lines).containsExactly("Booking reference:\tAB&12", "Flight\tFrom", "Flight\tLH 400", "From\tFRA",
                "Have a nice! trip");
    }

    @Test
    void shouldKeepTheLinesAndAlignedColumnsOfAPreformattedBlock() {
        List<String> lines = MailLines.ofHtml("""
                <html><body><p>Your trip</p><pre style="font-family:monospace">
                 BOOKING REF: 6FQ2PL            DATE: 27 NOVEMBER 2026
                 FLIGHT    <b>LH 1172</b> - LUFTHANSA
                 DEPARTURE: FRANKFURT DE (FRA) &amp; 16 MAR 07:15
                </PRE><p>Bon voyage</p></body></html>""");

        assertThat(lines).containsExactly("Your trip", "BOOKING REF: 6FQ2PL\tDATE: 27 NOVEMBER 2026",
                "FLIGHT\tLH 1172 - LUFTHANSA", "DEPARTURE: FRANKFURT DE (FRA) & 16 MAR 07:15", "Bon voyage");
    }

    @Test
    void shouldEndALineAtABreakTagInsideAPreformattedBlock() {
        List<String> lines = MailLines.ofHtml("""
                <html><body><pre>LH 400  FRA JFK 10:15 12:55<br>LH 401  JFK FRA 18:05 07:40<BR/>
                </pre></body></html>""");

        assertThat(lines).containsExactly("LH 400\tFRA JFK 10:15 12:55", "LH 401\tJFK FRA 18:05 07:40");
    }
}
