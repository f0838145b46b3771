package io.mailsift.ingest;

import java.util.List;

/**
 * Messages of one folder, in ascending UID order, handed to ingestion together: it fetches and commits them in batches
 * of {@code batch-size}, one transaction each, in that order.
 */
record FetchedBatch(List<FetchedMessage> messages) {

    FetchedBatch {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
    }
}
