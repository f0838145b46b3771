/**
 * The findings page and its REST API. Until sign-in exists every request acts as the node's local user, and every
 * query is scoped to that user.
 */
@NullMarked
package io.mailsift.web;

import org.jspecify.annotations.NullMarked;
