package io.mailsift.microsoft;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The issuer rule for Microsoft ID tokens. {@code consumers} and a single tenant have a fixed issuer; {@code common},
 * {@code organizations} and a tenant named by domain publish a template ({@code .../{tenantid}/v2.0}), so a strict
 * comparison with it would refuse every token, and skipping the check would accept any tenant's token: there, the
 * token's {@code iss} must be the template filled in with the token's own {@code tid} (MicrosoftDocs/azure-docs#38427).
 * {@code organizations} also refuses personal accounts, whose tenant is {@link #CONSUMERS_TENANT}.
 */
public final class MicrosoftIssuers {

    /** The tenant of every personal Microsoft account: the {@code consumers} discovery document names it as issuer. */
    public static final String CONSUMERS_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    /** Where an issuer template names the token's tenant. */
    public static final String TENANT_PLACEHOLDER = "{tenantid}";

    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private MicrosoftIssuers() {
    }

    /** Whether this is a tenant id (a GUID), as opposed to {@code common}, {@code organizations} or a domain. */
    public static boolean isTenantId(@Nullable String value) {
        return value != null && TENANT_ID.matcher(value).matches();
    }

    /** The one tenant an authority admits: the personal-accounts tenant for {@code consumers}, a tenant id itself. */
    public static @Nullable String fixedTenant(String authority) {
        if (authority.equalsIgnoreCase("consumers")) {
            return CONSUMERS_TENANT;
        }
        return isTenantId(authority) ? authority.toLowerCase(Locale.ROOT) : null;
    }

    /** Whether an authority turns personal Microsoft accounts away. */
    public static boolean refusesPersonalAccounts(String authority) {
        return authority.equalsIgnoreCase("organizations");
    }

    /**
     * Why a token's issuer is not acceptable, in words for the log and the error page; empty when it is.
     *
     * @param issuerTemplate the expected issuer, with {@link #TENANT_PLACEHOLDER} where the tenant stands
     * @param authority      the configured authority ({@code consumers}, {@code common}, {@code organizations}, a
     *                       tenant id or domain)
     * @param issuer         the token's {@code iss}
     * @param tenant         the token's {@code tid}
     */
    public static Optional<String> problem(String issuerTemplate, String authority, @Nullable String issuer,
            @Nullable String tenant) {
        boolean templated = issuerTemplate.contains(TENANT_PLACEHOLDER);
        if (templated && !isTenantId(tenant)) {
            return Optional.of("the ID token has no valid tid claim to check its issuer against");
        }
        if (tenant != null && refusesPersonalAccounts(authority) && tenant.equalsIgnoreCase(CONSUMERS_TENANT)) {
            return Optional.of("personal Microsoft accounts are refused by the organizations authority");
        }
        String fixed = fixedTenant(authority);
        if (templated && fixed != null && !fixed.equalsIgnoreCase(tenant)) {
            return Optional.of("the ID token is from tenant " + tenant + ", this app accepts only " + fixed);
        }
        String expected = templated ? issuerTemplate.replace(TENANT_PLACEHOLDER, tenant) : issuerTemplate;
        if (!expected.equals(issuer)) {
            return Optional.of("the ID token was issued by " + issuer + ", expected " + expected);
        }
        return Optional.empty();
    }
}
