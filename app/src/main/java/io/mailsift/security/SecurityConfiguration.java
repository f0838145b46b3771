package io.mailsift.security;

import java.util.List;

import io.mailsift.user.PersonalAccessTokens;
import io.mailsift.user.Users;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one filter chain. Everything needs a signed-in user except the sign-in page with its assets,
 * {@code /actuator/health} and the iCalendar feeds at their secret addresses; the rest of the actuator needs an
 * admin. Pages redirect to {@code /signin}; the REST API and the actuator answer 401. Sessions carry a CSRF token
 * (cookie {@code XSRF-TOKEN}, sent back by the page's script as {@code X-XSRF-TOKEN}); requests with a personal
 * access token carry no cookie a browser could replay, so they are exempt.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String SIGN_IN_PAGE = "/signin";
    static final String SIGN_OUT = "/signout";

    /** Reachable without signing in: the sign-in page, what it loads, and liveness for load balancers. */
    private static final List<String> PUBLIC = List.of(SIGN_IN_PAGE, SIGN_IN_PAGE + "/options", "/signin.html",
            "/signin.js", "/mailsift.css", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**");

    /** The users' iCalendar feeds, {@code /calendar/<secret>.ics}: one path segment, GET only. */
    static final String CALENDAR_FEEDS = "/calendar/*";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PersonalAccessTokens tokens, Users users,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies,
            ObjectProvider<ClientRegistrationRepository> microsoft) throws Exception {
        RequestCache requestCache = SignInRedirects.requestCache();
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").secure(secureCookies));
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

        http.authorizeHttpRequests(requests -> requests
                        // Error pages and the completion of an async request were authorized as the request itself.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PUBLIC.toArray(String[]::new)).permitAll()
                        // iCalendar feeds: calendar apps cannot sign in; the secret in the address is the credential.
                        .requestMatchers(HttpMethod.GET, CALENDAR_FEEDS).permitAll()
                        // A leaked token must not be able to mint more tokens: managing them needs a session.
                        .requestMatchers("/api/tokens", "/api/tokens/**").access(signedInWithSession())
                        // Nor a calendar feed address, which works without signing in and outlives the token.
                        .requestMatchers(HttpMethod.POST, "/api/trips/feed").access(signedInWithSession())
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .anyRequest().authenticated())
                .addFilterBefore(new PersonalAccessTokenFilter(tokens), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(PersonalAccessTokenFilter::presentsBearerToken))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .requestCache(cache -> cache.requestCache(requestCache))
                .formLogin(form -> form
                        .loginPage(SIGN_IN_PAGE)
                        .loginProcessingUrl(SIGN_IN_PAGE)
                        .successHandler(new SignInRedirects(requestCache, users))
                        .failureUrl(SIGN_IN_PAGE + "?error")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl(SIGN_OUT)
                        .logoutSuccessUrl(SIGN_IN_PAGE + "?signedout")
                        .deleteCookies("SESSION"))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                actuator)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
                                request -> true))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        // Defence in depth against XSS from mail text: only our own scripts and styles run.
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        ClientRegistrationRepository registrations = microsoft.getIfUnique();
        if (MicrosoftSignIn.offeredBy(registrations)) {
            // Authorization code with PKCE (S256) on top of state and nonce, also for this confidential client.
            DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                    new DefaultOAuth2AuthorizationRequestResolver(registrations,
                            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login
                    .clientRegistrationRepository(registrations)
                    .loginPage(SIGN_IN_PAGE)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                    .successHandler(new SignInRedirects(requestCache, users))
                    .failureUrl(SIGN_IN_PAGE + "?error"));
        }
        return http.build();
    }

    /** Signed in with a session (password or Microsoft), not with a personal access token. */
    private static AuthorizationManager<RequestAuthorizationContext> signedInWithSession() {
        return (authentication, context) -> {
            var current = authentication.get();
            return new AuthorizationDecision(current != null && current.isAuthenticated()
                    && current.getPrincipal() instanceof SignedInUser
                    && !(current instanceof PersonalAccessTokenAuthentication));
        };
    }

    /** {@code /signin} serves the static sign-in page. */
    @Bean
    WebMvcConfigurer signInPage() {
        return new WebMvcConfigurer() {
            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addViewController(SIGN_IN_PAGE).setViewName("forward:/signin.html");
            }
        };
    }
}
