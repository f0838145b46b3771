/** Findings: storing what connectors found (upserts on a deterministic key) and reading it back per user. */
@NullMarked
package io.mailsift.finding;

import org.jspecify.annotations.NullMarked;
