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
}
