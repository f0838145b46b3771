package io.mailsift.connector.mail;

/** A message so broken that not even its headers can be read. The platform quarantines it and moves on. */
public final class MalformedEmailException extends Exception {

    public MalformedEmailException(String message, Throwable cause) {
        super(message, cause);
    }
}
