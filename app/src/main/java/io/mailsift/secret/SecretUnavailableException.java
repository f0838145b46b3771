package io.mailsift.secret;

/**
 * A stored secret cannot be decrypted: its key is no longer configured, or the row was tampered with. The message
 * names the account, the kind and the key id, never the secret.
 */
public class SecretUnavailableException extends RuntimeException {

    SecretUnavailableException(String message) {
        super(message);
    }

    SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
