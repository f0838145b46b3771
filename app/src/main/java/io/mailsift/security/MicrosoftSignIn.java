package io.mailsift.security;

import io.mailsift.user.UserAccount;
import io.mailsift.user.Users;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * Sign-in with Microsoft over OpenID Connect (authorization code with PKCE, state and nonce), offered when
 * {@code mailsift.microsoft.client-id} is set. Users are matched, or created on first sign-in, by the ID token's
 * (issuer, subject); the issuer is checked against the token's own tenant ({@link MicrosoftIssuerValidator}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${mailsift.microsoft.client-id:}' != ''")
class MicrosoftSignIn {

    static final String REGISTRATION_ID = "microsoft";

    /** Whether these registrations include sign-in with Microsoft. */
    static boolean offeredBy(@Nullable ClientRegistrationRepository registrations) {
        return registrations != null && registrations.findByRegistrationId(REGISTRATION_ID) != null;
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(MicrosoftProperties microsoft) {
        return new InMemoryClientRegistrationRepository(registration(microsoft));
    }

    static ClientRegistration registration(MicrosoftProperties microsoft) {
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Microsoft")
                .clientId(microsoft.clientId())
                .clientSecret(microsoft.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(microsoft.authorizationEndpoint().toString())
                .tokenUri(microsoft.tokenEndpoint().toString())
                .jwkSetUri(microsoft.jwkSetEndpoint().toString())
                // No issuer-uri: the issuer depends on the tenant of each token and is checked by our validator.
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
    }

    /** ID tokens: the standard OpenID checks (audience, expiry, nonce is checked by the provider) plus the issuer. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(MicrosoftProperties microsoft) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> new DelegatingOAuth2TokenValidator<>(
                new OidcIdTokenValidator(registration), new MicrosoftIssuerValidator(microsoft)));
        return factory;
    }

    /** Maps the Microsoft identity to a Mailsift user. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> microsoftUsers(Users users) {
        OidcUserService claims = new OidcUserService();
        return request -> {
            OidcUser oidc = claims.loadUser(request);
            String name = firstNonBlank(oidc.getEmail(), oidc.getPreferredUsername(), oidc.getFullName());
            UserAccount user = users.signInWithOidc(oidc.getIssuer().toString(), oidc.getSubject(), name,
                    oidc.getEmail());
            if (user.disabled()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "user disabled", null));
            }
            return new MicrosoftUser(user.id(), user.admin(), oidc.getIdToken());
        };
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
