/**
 * Recommendations with their reasons in plain words: replenishment from a user's own repeat purchases, their
 * favourite categories, and anonymous co-purchases across users that only surface when at least k distinct other
 * users share the pattern (k-anonymity). See docs/profile.md.
 */
@NullMarked
package io.mailsift.recommendation;

import org.jspecify.annotations.NullMarked;
