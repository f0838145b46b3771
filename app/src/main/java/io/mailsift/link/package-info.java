/**
 * Linking mailboxes a user brings: any IMAP server with an app password (SSRF check, test login, encrypted password),
 * consent per connector, and unlinking, which stops the watcher and deletes everything derived from the mailbox. Every
 * operation is scoped to the user who asks: another user's account id behaves like an unknown one.
 */
@NullMarked
package io.mailsift.link;

import org.jspecify.annotations.NullMarked;
