package io.mailsift.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh 96-bit nonce per message and a 128-bit tag. The associated data binds a ciphertext to the
 * row it belongs to (account and kind): moved to another account or kind, it no longer decrypts.
 */
final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeyRing keys;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(SecretKeyRing keys) {
        this.keys = keys;
    }

    /** A ciphertext and the id of the key that made it. */
    record Sealed(String keyId, byte[] bytes) {
    }

    String activeKeyId() {
        return keys.activeKeyId();
    }

    Sealed encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keys.activeKeyId(), ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce)
                    .put(encrypted).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Decrypts, or says in words why not (unknown key, wrong row, tampered bytes); never includes the bytes. */
    String decrypt(Sealed sealed, String associatedData) {
        SecretKey key = keys.find(sealed.keyId());
        if (key == null) {
            throw new SecretUnavailableException("The secret of " + associatedData + " is encrypted under key '"
                    + sealed.keyId() + "', which is not configured (mailsift.secrets.keys); add that key back, or"
                    + " link the mailbox again");
        }
        byte[] bytes = sealed.bytes();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnavailableException("The secret of " + associatedData + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretUnavailableException("The secret of " + associatedData + " does not authenticate under"
                    + " key '" + sealed.keyId() + "': it was altered, or belongs to another account", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
