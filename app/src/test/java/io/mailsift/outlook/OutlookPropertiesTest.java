package io.mailsift.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.mailsift.account.Security;
import org.junit.jupiter.api.Test;

/** The defaults point at Microsoft's real endpoints, with the issuer rule of each authority. */
class OutlookPropertiesTest {

    @Test
    void shouldUseMicrosoftsConsumersEndpointsAndTheirFixedIssuerByDefault() {
        OutlookProperties consumers = properties("consumers");

        assertThat(consumers.resolvedAuthorizationEndpoint())
                .hasToString("https://login.microsoftonline.com/consumers/oauth2/v2.0/authorize");
        assertThat(consumers.resolvedTokenEndpoint())
                .hasToString("https://login.microsoftonline.com/consumers/oauth2/v2.0/token");
        assertThat(consumers.resolvedJwkSetUri())
                .hasToString("https://login.microsoftonline.com/consumers/discovery/v2.0/keys");
        assertThat(consumers.resolvedIssuer())
                .isEqualTo("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0");
    }

    @Test
    void shouldCheckTheIssuerAgainstTheTokensTenantForCommonAndOrganizations() {
        assertThat(properties("common").resolvedIssuer())
                .isEqualTo("https://login.microsoftonline.com/{tenantid}/v2.0");
        assertThat(properties("organizations").resolvedIssuer())
                .isEqualTo("https://login.microsoftonline.com/{tenantid}/v2.0");
    }

    @Test
    void shouldExpectTheTenantItselfAsIssuerForATenantId() {
        assertThat(properties("72F988BF-86F1-41AF-91AB-2D7CD011DB47").resolvedIssuer())
                .isEqualTo("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0");
    }

    @Test
    void shouldRefuseAnAuthorityThatIsNoPathSegment() {
        assertThatThrownBy(() -> properties("consumers/../evil")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mailsift.outlook.authority");
    }

    @Test
    void shouldNotShowTheClientSecret() {
        assertThat(properties("consumers")).asString().doesNotContain("s3cr3t");
    }

    private static OutlookProperties properties(String authority) {
        return new OutlookProperties(authority, "client", "s3cr3t", null,
                List.of("offline_access", "https://outlook.office.com/IMAP.AccessAsUser.All", "openid", "email"), null,
                null, null, null, "outlook.office365.com", 993, Security.TLS, Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofSeconds(10));
    }
}
