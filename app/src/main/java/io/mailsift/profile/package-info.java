/**
 * The shopper profile: spend by merchant, category and month (per currency, never converted) and repeat purchases,
 * derived from the purchase connector's {@code Order} findings into tables of their own and rebuilt per user when
 * findings change or a mailbox is unlinked. See docs/profile.md.
 */
@NullMarked
package io.mailsift.profile;

import org.jspecify.annotations.NullMarked;
