package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Scanning the tags finds the JSON-LD scripts jsoup's DOM holds, or says the HTML needs the DOM. */
class RawScriptsTest {

    private static List<String> byJsoup(String html) {
        return JsonLdScripts.scripts(Jsoup.parse(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<html><body><script type=\"application/ld+json\">{\"a\":\"x\r\ny\u0000z &amp; </b>\"}</script></body></html>",
        "<SCRIPT TYPE='Application/LD+JSON' >[1]</SCRIPT ><script type=application/ld+json>[2]</script>",
        "<!-- <script type=\"application/ld+json\">[1]</script> --><script type=\"application/ld+json\">[2]</script>",
        "<!--><script type=\"application/ld+json\">[1]</script><!---><script type=\"application/ld+json\">[2]</script>",
        "<!-- x --!><script type=\"application/ld+json\">[1]</script>",
        "<textarea><script type=\"application/ld+json\">[1]</script></textarea><title><script>x</script></title>",
        "<style>p { content: '<script type=\"application/ld+json\">[1]</script>' }</STYLE><script type=\"application/ld+json\">[2]</script>",
        "<img alt=\"<script type='application/ld+json'>[1]</script>\"><p title='a > b'>x</p>",
        "<script type=\"text/javascript\">var a = '</scripty>';</script><script type=\" application/ld+json; charset=utf-8\">[1]</script>",
        "<script>[0]</script><script type=\"application/json\">[1]</script><script type=\"\">[2]</script>",
        "<script type=\"application/ld+json\" type=\"text/plain\">[1]</script><script/type=application/ld+json>[2]</script>",
        "<!DOCTYPE html><?xml x?><![CDATA[ <script type=\"application/ld+json\">[1]</script> ]]><script type=\"application/ld+json\">[2]</script>",
        "a < b </ c </> d <3 <script type=\"application/ld+json\">[1]</script><table><tr><script type=\"application/ld+json\">[2]</script></table>",
        "<select><script type=\"application/ld+json\">[1]</script></select><template><script type=\"application/ld+json\">[2]</script></template>",
        "<p>no scripts</p><scriptx type=\"application/ld+json\">[1]</scriptx>",
        "<script type=\"application/ld+json\">[8]</script foo><p>x</p>",
    })
    void shouldFindTheScriptsJsoupFinds(String html) {
        assertThat(RawScripts.jsonLd(html)).isEqualTo(byJsoup(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<svg><script type=\"application/ld+json\">[6]</script></svg>",
        "<math><mi>x</mi></math><script type=\"application/ld+json\">[1]</script>",
        "<script type=\"application/ld&#43;json\">[1]</script>",
        "<script type=\"application/ld+json\">[1]",
        "<frameset><script type=\"application/ld+json\">[1]</script></frameset>",
        "<plaintext><script type=\"application/ld+json\">[1]</script>",
        "<noscript><script type=\"application/ld+json\">[5]</script></noscript>",
        "<script type=\"application/ld+json\"><!-- [7] --></script>",
        "<script type=\"application/ld+json\">[9]<!--<script>x</script>-->y</script>",
    })
    void shouldLeaveWhatItDoesNotUnderstandToTheParser(String html) {
        assertThat(RawScripts.jsonLd(html)).isNull();
    }

    @Test
    void shouldStopQuietlyAtATagCutOffAtTheEnd() {
        String html = "<script type=\"application/ld+json\">[1]</script><p class=\"x";

        assertThat(RawScripts.jsonLd(html)).isEqualTo(byJsoup(html)).containsExactly("[1]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.mailsift.connector.mail.StructuredDataCorpusTest#cases")
    void shouldFindTheScriptsJsoupFindsInTheKItineraryCorpus(Path file) throws IOException {
        String html = Files.readString(file, StandardCharsets.UTF_8);

        List<String> scanned = RawScripts.jsonLd(html);

        if (scanned != null) {
            assertThat(scanned).isEqualTo(byJsoup(html));
        }
    }
}
