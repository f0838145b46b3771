/**
 * Linking Outlook.com mailboxes over OAuth2 (authorization code with PKCE against the Microsoft identity platform) and
 * keeping their tokens alive: the access token for IMAP XOAUTH2 is refreshed before it expires and on every
 * reconnect, a rotated refresh token is stored with it in one transaction, and a grant the provider no longer accepts
 * puts the account in {@code relink_required}.
 */
@NullMarked
package io.mailsift.outlook;

import org.jspecify.annotations.NullMarked;
