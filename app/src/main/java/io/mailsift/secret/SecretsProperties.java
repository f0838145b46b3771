package io.mailsift.secret;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the encryption keys come from. Keys are written {@code id:base64} (32 random bytes, AES-256), several
 * separated by commas or new lines; {@code mailsift secrets generate-key} prints a new one.
 *
 * @param keys      the key ring itself, usually from the environment ({@code MAILSIFT_SECRETS_KEYS})
 * @param keysFile  a file holding the key ring, one key per line (e.g. a Docker or Kubernetes secret); read at start
 * @param activeKey the id of the key new secrets are encrypted with; may be left out when there is one key. The others
 *                  only decrypt, until {@code mailsift secrets rekey} has moved everything to the active one.
 */
@ConfigurationProperties("mailsift.secrets")
public record SecretsProperties(String keys, Path keysFile, String activeKey) {
}
