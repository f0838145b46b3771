package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Which date a message's findings count with when merged: its Date header, unless the server's receipt refutes it. */
class MessageDateTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void shouldKeepTheDateHeaderWhenItIsBeforeTheReceiptOrWithinADayAfterIt() {
        assertThat(MessageIngestion.messageDate(Instant.parse("2026-11-29T08:00:00Z"), RECEIVED))
                .isEqualTo("2026-11-29T08:00:00Z");
        // a sender's clock a few hours ahead (a wrong zone) is not worth overruling
        assertThat(MessageIngestion.messageDate(Instant.parse("2026-11-30T20:00:00Z"), RECEIVED))
                .isEqualTo("2026-11-30T20:00:00Z");
        // an old mail appended to the mailbox later keeps its own date
        assertThat(MessageIngestion.messageDate(Instant.parse("2019-05-01T00:00:00Z"), RECEIVED))
                .isEqualTo("2019-05-01T00:00:00Z");
    }

    @Test
    void shouldTakeTheServersReceiptForADateHeaderInTheFutureOrNone() {
        assertThat(MessageIngestion.messageDate(Instant.parse("2099-12-31T23:00:00Z"), RECEIVED)).isEqualTo(RECEIVED);
        assertThat(MessageIngestion.messageDate(null, RECEIVED)).isEqualTo(RECEIVED);
    }

    @Test
    void shouldKeepWhatTheHeaderSaysWhenTheServerGaveNoReceipt() {
        assertThat(MessageIngestion.messageDate(Instant.parse("2099-12-31T23:00:00Z"), null))
                .isEqualTo("2099-12-31T23:00:00Z");
        assertThat(MessageIngestion.messageDate(null, null)).isNull();
    }
}
