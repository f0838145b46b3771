package io.mailsift.system;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A key ring for tests, fresh per test JVM, so that no test that starts the application generates a key file in
 * {@code ./data}. Spring test contexts get it from {@link TestPostgresContextCustomizerFactory}; a test that starts the
 * application itself passes {@link #ARGUMENT}.
 */
public final class TestSecrets {

    /** {@code mailsift.secrets.keys} for tests: one AES-256 key with id {@code test}. */
    public static final String KEYS = "test:" + Base64.getEncoder().encodeToString(randomKey());

    /** The same as a command-line argument. */
    public static final String ARGUMENT = "--mailsift.secrets.keys=" + KEYS;

    private TestSecrets() {
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
