/** Infrastructure the app needs to run on its own: the embedded PostgreSQL used when no database is configured. */
@NullMarked
package io.mailsift.system;

import org.jspecify.annotations.NullMarked;
