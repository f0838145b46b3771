/**
 * What Microsoft's identity platform promises about its ID tokens, shared by sign-in with Microsoft and by linking an
 * Outlook.com mailbox, so that the two never disagree on which tokens to trust.
 */
@NullMarked
package io.mailsift.microsoft;

import org.jspecify.annotations.NullMarked;
