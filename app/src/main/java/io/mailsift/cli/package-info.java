/**
 * Command-line tools that run without Spring: {@code mailsift scan} and the mail-file readers (.eml, mbox, maildir)
 * behind it.
 */
@NullMarked
package io.mailsift.cli;

import org.jspecify.annotations.NullMarked;
