package io.mailsift.connector.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Structured headers as real mailers write them. */
class HeaderValueTest {

    @Test
    void shouldReadTypeAndQuotedParameters() {
        HeaderValue value = HeaderValue.parse("Text/HTML;charset=\"UTF-8\" ; format = flowed");

        assertThat(value.value()).isEqualTo("text/html");
        assertThat(value.parameter("charset")).isEqualTo("UTF-8");
        assertThat(value.parameter("format")).isEqualTo("flowed");
    }

    @Test
    void shouldAcceptUnquotedSpecialsAndSemicolonsInsideQuotes() {
        HeaderValue value = HeaderValue.parse("attachment; filename=Ticket (1).pdf; size=12");
        HeaderValue quoted = HeaderValue.parse("attachment; filename=\"a;b.pdf\"");

        assertThat(value.parameter("filename")).isEqualTo("Ticket (1).pdf");
        assertThat(quoted.parameter("filename")).isEqualTo("a;b.pdf");
    }

    @Test
    void shouldJoinRfc2231ContinuationsAndDecodeTheirCharset() {
        HeaderValue value = HeaderValue.parse(
                "attachment; filename*0*=utf-8''R%C3%BC; filename*1*=ckflug%20M%C3%BCnchen; filename*2=.pdf");

        assertThat(value.parameter("filename")).isEqualTo("Rückflug München.pdf");
    }

    @Test
    void shouldDecodeRfc2047WordsInFileNamesAsOutlookWritesThem() {
        HeaderValue value = HeaderValue.parse("application/pdf; name=\"=?iso-8859-1?Q?Buchungsbest=E4tigung.pdf?=\"");

        assertThat(value.parameter("name")).isEqualTo("Buchungsbestätigung.pdf");
    }

    @Test
    void shouldReadAFoldedHeader() {
        HeaderValue value = HeaderValue.parse("multipart/related;\r\n\ttype=\"text/html\";\r\n boundary=\"b1\"");

        assertThat(value.value()).isEqualTo("multipart/related");
        assertThat(value.parameter("boundary")).isEqualTo("b1");
    }

    @Test
    void shouldGiveEmptyValueForAMissingOrEmptyHeader() {
        assertThat(HeaderValue.parse(null).value()).isEmpty();
        assertThat(HeaderValue.parse("").parameters()).isEmpty();
        assertThat(HeaderValue.parse(";;=;x=").value()).isEmpty();
    }
}
