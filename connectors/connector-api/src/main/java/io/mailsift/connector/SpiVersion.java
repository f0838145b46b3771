package io.mailsift.connector;

/**
 * The version of this SPI. A connector records the version it was built against in its descriptor; the platform
 * loads it when the major versions are equal and the connector's minor version is not newer than the platform's
 * (minor versions only add).
 *
 * @param major incremented on incompatible changes
 * @param minor incremented on compatible additions
 */
public record SpiVersion(int major, int minor) implements Comparable<SpiVersion> {

    /** The SPI version of this artifact. Connectors use this in their descriptor. */
    public static final SpiVersion CURRENT = new SpiVersion(1, 0);

    public SpiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("SPI version parts must not be negative: " + major + "." + minor);
        }
    }

    /** Parses {@code "MAJOR.MINOR"}. */
    public static SpiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("SPI version must look like MAJOR.MINOR, was '" + text + "'");
        }
        try {
            return new SpiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SPI version must look like MAJOR.MINOR, was '" + text + "'", e);
        }
    }

    /** Whether a platform offering this version can run a connector built for {@code required}. */
    public boolean canRun(SpiVersion required) {
        return major == required.major && minor >= required.minor;
    }

    @Override
    public int compareTo(SpiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
