/**
 * Secrets of user-linked mailboxes (IMAP app passwords, OAuth2 refresh and access tokens), encrypted at rest with
 * AES-GCM under a key ring that comes from the environment or a file, never from the database.
 */
package io.mailsift.secret;
