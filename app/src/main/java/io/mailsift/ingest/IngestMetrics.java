package io.mailsift.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of ingestion, tagged by {@code account} (its configured name) and {@code folder}; listed in
 * {@code docs/operations.md}. Exposed at {@code /actuator/metrics} and {@code /actuator/prometheus}.
 */
@Component
class IngestMetrics {

    static final String MESSAGES = "mailsift.ingest.messages";
    static final String FINDINGS = "mailsift.ingest.findings";
    static final String ERRORS = "mailsift.ingest.errors";
    static final String BODIES = "mailsift.ingest.bodies.fetched";
    static final String LOGINS = "mailsift.ingest.logins";
    static final String BACKFILL_REMAINING = "mailsift.ingest.backfill.remaining";
    static final String BACKFILL_TOTAL = "mailsift.ingest.backfill.size";
    static final String LEASES_HELD = "mailsift.leases.held";

    private final MeterRegistry registry;
    private final Map<String, BackfillGauges> backfillGauges = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One message's outcome committed (processed or skipped with a record). */
    void committed(String account, String folder, int findings, Iterable<IngestError> errors) {
        counter(MESSAGES, "Messages whose outcome is committed", account, folder).increment();
        if (findings > 0) {
            counter(FINDINGS, "Findings written (upserts)", account, folder).increment(findings);
        }
        for (IngestError error : errors) {
            Counter.builder(ERRORS).description("Skipped messages and failing connectors, by kind")
                    .tags(tags(account, folder).and("kind", error.kind().columnValue()))
                    .register(registry).increment();
        }
    }

    /** A whole message was fetched because some connector reads bodies. */
    void bodyFetched(String account, String folder) {
        counter(BODIES, "Message bodies fetched (BODY.PEEK[])", account, folder).increment();
    }

    /** A login was attempted; {@code outcome} is {@code success}, {@code auth_failed} or {@code failed}. */
    void login(String account, String folder, String outcome) {
        Counter.builder(LOGINS).description("IMAP login attempts by outcome")
                .tags(tags(account, folder).and("outcome", outcome)).register(registry).increment();
    }

    /** The number of mailbox leases this node holds, tagged with the node id. */
    void leasesHeld(String node, java.util.function.IntSupplier held) {
        Gauge.builder(LEASES_HELD, held::getAsInt).description("Mailbox leases held by this node")
                .tag("node", node).register(registry);
    }

    /** The backfill gauges of one folder, registered on first use; the same holders for every watcher of it. */
    BackfillGauges backfill(String account, String folder) {
        return backfillGauges.computeIfAbsent(account + "\u0000" + folder, key -> registerBackfill(account, folder));
    }

    private BackfillGauges registerBackfill(String account, String folder) {
        BackfillGauges gauges = new BackfillGauges(new AtomicLong(), new AtomicLong());
        Gauge.builder(BACKFILL_REMAINING, gauges.remaining(), AtomicLong::get)
                .description("Messages of the backfill window not processed yet").tags(tags(account, folder))
                .strongReference(true).register(registry);
        Gauge.builder(BACKFILL_TOTAL, gauges.total(), AtomicLong::get)
                .description("Messages in the backfill window").tags(tags(account, folder))
                .strongReference(true).register(registry);
        return gauges;
    }

    /** The live values behind one folder's backfill gauges. */
    record BackfillGauges(AtomicLong remaining, AtomicLong total) {
    }

    private Counter counter(String name, String description, String account, String folder) {
        return Counter.builder(name).description(description).tags(tags(account, folder)).register(registry);
    }

    private static Tags tags(String account, String folder) {
        return Tags.of("account", account, "folder", folder);
    }
}
