package io.mailsift.ingest;

import java.util.List;

/** Messages of one folder fetched together, in ascending UID order: ingestion commits them in one transaction. */
record FetchedBatch(List<FetchedMessage> messages) {

    FetchedBatch {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one message");
        }
    }
}
