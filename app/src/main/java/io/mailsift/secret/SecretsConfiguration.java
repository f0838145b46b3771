package io.mailsift.secret;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the key ring: {@code mailsift.secrets.keys}, else {@code mailsift.secrets.keys-file}, else a key file that
 * is generated once in the data directory next to the embedded database (fine for one machine; a WARN says to
 * configure keys in production, where the database and the key must not sit on the same disk).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretCipher secretCipher(SecretsProperties properties, @Value("${mailsift.data-dir:./data}") Path dataDir) {
        SecretKeyRing ring;
        if (properties.keys() != null && !properties.keys().isBlank()) {
            ring = SecretKeyRing.parse(properties.keys(), properties.activeKey(), "mailsift.secrets.keys");
        } else if (properties.keysFile() != null) {
            ring = SecretKeyRing.read(properties.keysFile(), properties.activeKey());
        } else {
            Path generated = dataDir.resolve("secret-keys").toAbsolutePath().normalize();
            ring = SecretKeyRing.readOrCreate(generated);
            log.warn("No mailsift.secrets.keys or keys-file configured: mailbox secrets are encrypted with the key in"
                    + " {}. Back it up with the database; in production set MAILSIFT_SECRETS_KEYS instead"
                    + " (see docs/operations.md).", generated);
        }
        log.info("Mailbox secrets are encrypted with key '{}'", ring.activeKeyId());
        return new SecretCipher(ring);
    }
}
