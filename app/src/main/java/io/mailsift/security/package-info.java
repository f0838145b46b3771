/**
 * Who may do what over HTTP: sign-in with a local password (or Microsoft), sessions with CSRF protection, personal
 * access tokens for the REST API, and the rule that everything but the sign-in page and health needs a signed-in
 * user. {@link io.mailsift.security.SignedInUser} is how the rest of the app learns who that is.
 */
@NullMarked
package io.mailsift.security;

import org.jspecify.annotations.NullMarked;
