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

    /**
     * Short: Spring Integration's handler formats the message it handled into a debug line for every batch, even
     * when debug is off (commons-logging's SLF4J bridge builds the text before the level check); listing every
     * message of the batch cost measurable CPU in a backfill.
     */
    @Override
    public String toString() {
        FetchedMessage first = messages.getFirst();
        return "FetchedBatch[" + first.account().name() + " " + first.folder() + " UID " + first.uid() + " to "
                + messages.getLast().uid() + ", " + messages.size() + " messages]";
    }
}
