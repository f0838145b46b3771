/**
 * Users who sign in (a local password, a Microsoft identity, or both), the first admin, and personal access tokens
 * for the REST API. Passwords are kept only as Argon2id hashes and tokens only as SHA-256 hashes.
 */
@NullMarked
package io.mailsift.user;

import org.jspecify.annotations.NullMarked;
