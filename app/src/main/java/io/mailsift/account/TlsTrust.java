package io.mailsift.account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which server certificates an account accepts ({@code mailsift.accounts[N].tls-trust}):
 * <ul>
 * <li>{@code system} (the default): the JVM's trust store, host name checked — what production wants;</li>
 * <li>{@code pem:<path>}: additionally the certificates (a self-signed server certificate or a private CA) in that
 * PEM file, host name still checked;</li>
 * <li>{@code insecure}: any certificate, host name unchecked; for tests and development only, warned about at
 * start.</li>
 * </ul>
 *
 * @param mode         how certificates are checked
 * @param certificates the extra certificates of {@code pem:}, read at start so that a bad file stops the start
 * @param source       the PEM file of {@code pem:}
 */
public record TlsTrust(Mode mode, List<X509Certificate> certificates, @Nullable Path source) {

    /** How server certificates are checked. */
    public enum Mode {
        SYSTEM, PEM, INSECURE
    }

    /** The default: the JVM's trust store. */
    public static final TlsTrust SYSTEM = new TlsTrust(Mode.SYSTEM, List.of(), null);

    private static final String PEM_PREFIX = "pem:";

    public TlsTrust {
        certificates = List.copyOf(certificates);
    }

    /** Reads a configured value; also how Spring binds the property. */
    public static TlsTrust of(String value) {
        String trimmed = value.strip();
        if (trimmed.equalsIgnoreCase("system")) {
            return SYSTEM;
        }
        if (trimmed.equalsIgnoreCase("insecure")) {
            return new TlsTrust(Mode.INSECURE, List.of(), null);
        }
        if (trimmed.regionMatches(true, 0, PEM_PREFIX, 0, PEM_PREFIX.length())
                && trimmed.length() > PEM_PREFIX.length()) {
            Path file = Path.of(trimmed.substring(PEM_PREFIX.length()).strip());
            return new TlsTrust(Mode.PEM, read(file), file);
        }
        throw new IllegalArgumentException("tls-trust must be 'system', 'pem:<path to a PEM file>' or 'insecure', was '"
                + value + "'");
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("tls-trust file " + file + " holds no certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw new IllegalArgumentException("tls-trust file " + file + " cannot be read: " + e, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("tls-trust file " + file + " is not a PEM certificate: " + e.getMessage(),
                    e);
        }
    }

    /** The value as configured. */
    public String configValue() {
        return switch (mode) {
            case SYSTEM -> "system";
            case INSECURE -> "insecure";
            case PEM -> PEM_PREFIX + source;
        };
    }

    @Override
    public String toString() {
        return configValue();
    }
}
