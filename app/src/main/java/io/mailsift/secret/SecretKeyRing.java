package io.mailsift.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys secrets are encrypted with, by id, and the one new secrets use. Parsing rejects anything that is
 * not exactly a list of {@code id:base64-of-32-bytes}, with an error that says which entry is wrong but never echoes
 * key material.
 */
final class SecretKeyRing {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private SecretKeyRing(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /** Parses a key ring; {@code activeKeyId} may be null or blank when there is exactly one key. */
    static SecretKeyRing parse(String ring, String activeKeyId, String source) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int position = 0;
        for (String entry : ring.lines().filter(line -> !line.strip().startsWith("#"))
                .flatMap(line -> java.util.Arrays.stream(line.split(","))).toList()) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            position++;
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "" : trimmed.substring(0, colon).strip();
            if (colon < 0 || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Key " + position + " in " + source + " is not written id:base64"
                        + " (id of letters, digits, '.', '_' or '-')");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Key '" + id + "' in " + source + " is not valid base64");
            }
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException("Key '" + id + "' in " + source + " has " + material.length
                        + " bytes; AES-256 needs " + KEY_BYTES + " (generate one with: mailsift secrets generate-key)");
            }
            if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("Key '" + id + "' appears twice in " + source);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no key");
        }
        String active = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId.strip();
        if (active == null) {
            if (keys.size() > 1) {
                throw new IllegalArgumentException(source + " holds " + keys.size() + " keys: set"
                        + " mailsift.secrets.active-key to the one new secrets are encrypted with");
            }
            active = keys.keySet().iterator().next();
        } else if (!keys.containsKey(active)) {
            throw new IllegalArgumentException("mailsift.secrets.active-key is '" + active + "', which is not among the"
                    + " keys in " + source + " (" + String.join(", ", keys.keySet()) + ")");
        }
        return new SecretKeyRing(keys, active);
    }

    /** Reads the key ring file, or creates it with one fresh key when it does not exist yet (owner-only access). */
    static SecretKeyRing readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret-keys", ".tmp");
                restrictToOwner(temporary);
                Files.writeString(temporary, "# Mailsift secret keys (id:base64). Back this file up with the database:"
                        + " without it, linked mailboxes must be linked again.\n" + newKeyLine("local-1") + "\n");
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), null, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    static SecretKeyRing read(Path file, String activeKeyId) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), activeKeyId, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mailsift.secrets.keys-file " + file, e);
        }
    }

    /** A new key entry, {@code id:base64}, from the system's strong random source. */
    static String newKeyLine(String id) {
        byte[] material = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(material);
        return id + ":" + Base64.getEncoder().encodeToString(material);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own access rules apply.
        }
    }

    String activeKeyId() {
        return activeKeyId;
    }

    SecretKey active() {
        return keys.get(activeKeyId);
    }

    /** The key with this id, or null when it is not (or no longer) configured. */
    SecretKey find(String id) {
        return keys.get(id);
    }

    @Override
    public String toString() {
        return "SecretKeyRing[ids=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }
}
