package io.mailsift.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganizationNameTest {

    @Test
    void shouldIgnoreCasePunctuationAndLegalForms() {
        assertThat(OrganizationName.normalize("Amazon.com, Inc.")).isEqualTo("amazon");
        assertThat(OrganizationName.normalize("amazon")).isEqualTo("amazon");
        assertThat(OrganizationName.normalize("www.amazon.com")).isEqualTo("amazon");
        assertThat(OrganizationName.normalize("ACME GmbH & Co. KG")).isEqualTo("acme");
        assertThat(OrganizationName.normalize("Bob's Electronics")).isEqualTo("bobselectronics");
    }

    @Test
    void shouldKeepANameThatIsAllDecoration() {
        assertThat(OrganizationName.normalize("The Store")).isEqualTo("store");
        assertThat(OrganizationName.normalize("  ")).isEmpty();
    }

    @Test
    void shouldKeepDifferentShopsApart() {
        assertThat(OrganizationName.normalize("Amazon.de")).isNotEqualTo(OrganizationName.normalize("Amazon.com"));
    }
}
