package io.mailsift.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one issuer rule that sign-in with Microsoft and Outlook linking both apply. */
class MicrosoftIssuersTest {

    private static final String TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String PERSONAL = "https://login.microsoftonline.com/" + MicrosoftIssuers.CONSUMERS_TENANT
            + "/v2.0";

    @Test
    void shouldFillTheTemplateWithTheTokensOwnTenant() {
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "common", issuerOf(CONTOSO), CONTOSO)).isEmpty();
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "common", PERSONAL, MicrosoftIssuers.CONSUMERS_TENANT)).isEmpty();
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "common", issuerOf(CONTOSO), MicrosoftIssuers.CONSUMERS_TENANT))
                .hasValueSatisfying(problem -> assertThat(problem).contains("expected " + PERSONAL));
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "common", issuerOf(CONTOSO), null)).isPresent();
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "common", "https://evil.example/v2.0", "../../evil")).isPresent();
    }

    @Test
    void shouldAdmitOnlyTheAuthoritysTenantWhereItNamesOne() {
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "consumers", PERSONAL, MicrosoftIssuers.CONSUMERS_TENANT))
                .isEmpty();
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "consumers", issuerOf(CONTOSO), CONTOSO)).isPresent();
        assertThat(MicrosoftIssuers.problem(TEMPLATE, CONTOSO, issuerOf(CONTOSO), CONTOSO)).isEmpty();
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "organizations", PERSONAL, MicrosoftIssuers.CONSUMERS_TENANT))
                .hasValueSatisfying(problem -> assertThat(problem).contains("personal"));
        assertThat(MicrosoftIssuers.problem(TEMPLATE, "organizations", issuerOf(CONTOSO), CONTOSO)).isEmpty();
    }

    @Test
    void shouldCompareAFixedIssuerAsItIs() {
        assertThat(MicrosoftIssuers.problem(PERSONAL, "consumers", PERSONAL, null)).isEmpty();
        assertThat(MicrosoftIssuers.problem(PERSONAL, "consumers", issuerOf(CONTOSO), CONTOSO)).isPresent();
    }

    private static String issuerOf(String tenant) {
        return "https://login.microsoftonline.com/" + tenant + "/v2.0";
    }
}
