package io.mailsift.outlook;

/** The link did not complete; the message says why in plain words, fit to show the user (never a token). */
public final class LinkRefusedException extends Exception {

    LinkRefusedException(String message) {
        super(message);
    }

    LinkRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
