/** Mail accounts: those declared in configuration, their registration in the database and their watcher state. */
@NullMarked
package io.mailsift.account;

import org.jspecify.annotations.NullMarked;
