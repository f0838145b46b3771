/**
 * Parsing of raw RFC 5322 messages into the {@link io.mailsift.connector.Email} view. Used by the platform, the
 * {@code scan} command and the connector test kit; connectors themselves never parse.
 */
@NullMarked
package io.mailsift.connector.mail;

import org.jspecify.annotations.NullMarked;
