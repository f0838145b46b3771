/**
 * Ingestion: one read-only IMAP IDLE watcher per account and folder, feeding new messages by UID through the
 * connectors into one transaction per message that upserts findings and advances the checkpoint.
 */
@NullMarked
package io.mailsift.ingest;

import org.jspecify.annotations.NullMarked;
