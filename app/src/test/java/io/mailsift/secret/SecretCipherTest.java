package io.mailsift.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM sealing and the key ring's configuration errors, without a database. */
class SecretCipherTest {

    private static final String ONE = SecretKeyRing.newKeyLine("one");
    private static final String TWO = SecretKeyRing.newKeyLine("two");

    @Test
    void shouldRoundTripAndNeverRepeatACiphertextForTheSameSecret() {
        SecretCipher cipher = new SecretCipher(SecretKeyRing.parse(ONE, null, "test"));

        SecretCipher.Sealed first = cipher.encrypt("refresh-token-ä€", "account 1 refresh_token");
        SecretCipher.Sealed second = cipher.encrypt("refresh-token-ä€", "account 1 refresh_token");

        assertThat(first.keyId()).isEqualTo("one");
        assertThat(first.bytes()).isNotEqualTo(second.bytes());
        assertThat(new String(first.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("refresh-token");
        assertThat(cipher.decrypt(first, "account 1 refresh_token")).isEqualTo("refresh-token-ä€");
    }

    @Test
    void shouldRefuseACiphertextMovedToAnotherAccountOrAltered() {
        SecretCipher cipher = new SecretCipher(SecretKeyRing.parse(ONE, null, "test"));
        SecretCipher.Sealed sealed = cipher.encrypt("secret", "account 1 imap_password");
        byte[] altered = sealed.bytes().clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(sealed, "account 2 imap_password"))
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("belongs to another account")
                .hasMessageNotContaining("secret\"");
        assertThatThrownBy(() -> cipher.decrypt(new SecretCipher.Sealed("one", altered), "account 1 imap_password"))
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("altered");
    }

    @Test
    void shouldDecryptUnderAnOldKeyAfterRotationAndNameAMissingKey() {
        SecretCipher before = new SecretCipher(SecretKeyRing.parse(ONE, null, "test"));
        SecretCipher.Sealed old = before.encrypt("secret", "a");
        SecretCipher rotated = new SecretCipher(SecretKeyRing.parse(ONE + "," + TWO, "two", "test"));
        SecretCipher withoutOld = new SecretCipher(SecretKeyRing.parse(TWO, null, "test"));

        assertThat(rotated.decrypt(old, "a")).isEqualTo("secret");
        assertThat(rotated.encrypt("new", "a").keyId()).isEqualTo("two");
        assertThatThrownBy(() -> withoutOld.decrypt(old, "a")).isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("key 'one', which is not configured");
    }

    @Test
    void shouldExplainABadKeyRingWithoutEchoingKeyMaterial() {
        String material = ONE.substring(ONE.indexOf(':') + 1);

        assertThatThrownBy(() -> SecretKeyRing.parse("one:" + material.substring(0, 20), null, "MAILSIFT_SECRETS_KEYS"))
                .hasMessageContaining("Key 'one' in MAILSIFT_SECRETS_KEYS").hasMessageNotContaining(
                        material.substring(0, 20));
        assertThatThrownBy(() -> SecretKeyRing.parse(material, null, "k")).hasMessageContaining("not written id:base64")
                .hasMessageNotContaining(material);
        assertThatThrownBy(() -> SecretKeyRing.parse("one:!!!", null, "k")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> SecretKeyRing.parse(ONE + "," + TWO, null, "k"))
                .hasMessageContaining("set mailsift.secrets.active-key");
        assertThatThrownBy(() -> SecretKeyRing.parse(ONE, "three", "k")).hasMessageContaining("'three'");
        assertThatThrownBy(() -> SecretKeyRing.parse(ONE + "\n" + ONE, null, "k")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SecretKeyRing.parse(" \n# nothing\n", null, "k")).hasMessageContaining("no key");
        assertThat(SecretKeyRing.parse(ONE, null, "k").toString()).doesNotContain(material);
    }

    @Test
    void shouldGenerateAKeyFileReadableOnlyByItsOwnerOnceAndReuseIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/secret-keys");

        SecretKeyRing first = SecretKeyRing.readOrCreate(file);
        SecretCipher.Sealed sealed = new SecretCipher(first).encrypt("secret", "a");
        SecretKeyRing again = SecretKeyRing.readOrCreate(file);

        assertThat(new SecretCipher(again).decrypt(sealed, "a")).isEqualTo("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldPrintAUsableKeyWithoutADatabase() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();

        int code = SecretsCommand.runWithoutContext(new String[] {"secrets", "generate-key", "prod-2027"},
                new java.io.PrintStream(out), new java.io.PrintStream(err));

        assertThat(code).isZero();
        assertThat(SecretKeyRing.parse(out.toString().strip(), null, "printed").activeKeyId()).isEqualTo("prod-2027");
        assertThat(SecretsCommand.runWithoutContext(new String[] {"secrets", "rekey"}, System.out, System.err))
                .isEqualTo(-1);
        assertThat(SecretsCommand.runWithoutContext(new String[] {"secrets", "bogus"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("usage: mailsift secrets");
    }
}
