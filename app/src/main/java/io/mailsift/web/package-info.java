/**
 * The findings page and its REST API. Every request acts for the signed-in user ({@link io.mailsift.web.CurrentUser}),
 * and every query is scoped to that user: another user's account or finding is answered 404, as if it did not exist.
 */
@NullMarked
package io.mailsift.web;

import org.jspecify.annotations.NullMarked;
