package io.mailsift.ingest;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Why a message, or one connector on it, was skipped. Stored in {@code connector_errors}.
 *
 * @param connectorId the connector that failed, or {@code null} when the message failed before any connector ran
 */
record IngestError(@Nullable String connectorId, Kind kind, String reason) {

    enum Kind {
        PARSE, CONNECTOR, TIMEOUT, OVERSIZED, UNREADABLE;

        String columnValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static IngestError of(@Nullable String connectorId, Kind kind, Throwable cause) {
        String message = cause.getMessage();
        return new IngestError(connectorId, kind,
                cause.getClass().getName() + (message == null ? "" : ": " + message));
    }
}
