package io.mailsift.bench.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.mailsift.connector.Connector;
import io.mailsift.connector.Email;
import io.mailsift.connector.EmailHeaders;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.connector.mail.MalformedEmailException;

/**
 * One connector's cost per mail, single-threaded (one core), as issues 5 and 6 state their speed targets:
 * <ul>
 *   <li>{@link #extract}: {@code extract(Email)} on the connector's own corpus mails its prefilter accepts, parsed
 *       beforehand;</li>
 *   <li>{@link #parseAndExtract}: the same from the raw bytes, {@link EmailParser} included: the end-to-end figure;</li>
 *   <li>{@link #prefilterRejects}: {@code interestedIn(EmailHeaders)} on headers it declines: every mail of both
 *       corpora it declines (its own negatives, the other connector's mail) and a generated mix of newsletters,
 *       personal mail and notifications ({@link UnrelatedHeaders}).</li>
 * </ul>
 * Each invocation takes the next mail round-robin, so a figure is the corpus's mean, not one mail's. Average time per
 * operation in ns; mails/s = 1e9 / (ns/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// The stream provider named as the app names it at start-up (JakartaMailDefaults): without it Jakarta Mail 2.1 does a
// ServiceLoader lookup per header block and part, 15-23% of the parse, which the platform does not pay.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
        "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider"})
public abstract class ConnectorBenchmark {

    /** Header blocks generated for the rejection set, besides the corpora's own mail. */
    static final int GENERATED_HEADERS = 600;

    // JMH sets each @Param before the setup; the initial values are the same defaults for use outside JMH (the test).

    /** The travel corpus; the repository's by default, found from any folder of the checkout. */
    @Param("bench/travel-corpus")
    public String travelCorpus = "bench/travel-corpus";

    /** The purchase corpus; the repository's by default. */
    @Param("bench/purchase-corpus")
    public String purchaseCorpus = "bench/purchase-corpus";

    private final EmailParser parser = new EmailParser();
    private final Connector connector = connector();

    private Email[] accepted = new Email[0];
    private byte[][] acceptedRaw = new byte[0][];
    private EmailHeaders[] declined = new EmailHeaders[0];
    private int nextEmail;
    private int nextRaw;
    private int nextHeaders;

    /** The connector under test; called once per benchmark instance. */
    abstract Connector connector();

    /** Which of the two corpora is the connector's own. */
    abstract String ownCorpus();

    @Setup(Level.Trial)
    public void readCorpora() throws MalformedEmailException {
        Map<String, List<CorpusMail>> corpora = new LinkedHashMap<>();
        for (String corpus : List.of(travelCorpus, purchaseCorpus)) {
            corpora.put(corpus, BenchCorpus.read(BenchCorpus.locate(corpus), parser));
        }
        List<CorpusMail> own = corpora.get(ownCorpus());
        List<CorpusMail> acceptedMails = own.stream()
                .filter(mail -> connector.interestedIn(mail.email().headers())).toList();
        accepted = acceptedMails.stream().map(CorpusMail::email).toArray(Email[]::new);
        acceptedRaw = acceptedMails.stream().map(CorpusMail::raw).toArray(byte[][]::new);

        List<EmailHeaders> candidates = new ArrayList<>();
        corpora.values().forEach(mails -> mails.forEach(mail -> candidates.add(mail.email().headers())));
        int fromCorpora = candidates.size();
        for (byte[] block : UnrelatedHeaders.blocks(GENERATED_HEADERS, 42)) {
            candidates.add(parser.parse(block).headers());
        }
        declined = candidates.stream().filter(headers -> !connector.interestedIn(headers)).toArray(EmailHeaders[]::new);
        long generatedDeclined = candidates.subList(fromCorpora, candidates.size()).stream()
                .filter(headers -> !connector.interestedIn(headers)).count();

        // One pass before timing: a mail that throws fails the setup, not a measurement, and the counts say what is run.
        int findings = 0;
        for (Email email : accepted) {
            findings += connector.extract(email).size();
        }
        System.out.printf("%n%s: %d of %d corpus mails accepted, %d findings per pass; prefilter declines %d of %d"
                        + " headers (%d of %d generated)%n", connector.descriptor().id(), accepted.length, own.size(),
                findings, declined.length, candidates.size(), generatedDeclined, GENERATED_HEADERS);
        if (accepted.length == 0 || declined.length == 0) {
            throw new IllegalStateException("nothing to measure: " + accepted.length + " accepted mails, "
                    + declined.length + " declined headers");
        }
    }

    @Benchmark
    public void extract(Blackhole blackhole) {
        Email email = accepted[nextEmail];
        nextEmail = nextEmail + 1 == accepted.length ? 0 : nextEmail + 1;
        blackhole.consume(connector.extract(email));
    }

    @Benchmark
    public void parseAndExtract(Blackhole blackhole) throws MalformedEmailException {
        byte[] raw = acceptedRaw[nextRaw];
        nextRaw = nextRaw + 1 == acceptedRaw.length ? 0 : nextRaw + 1;
        blackhole.consume(connector.extract(parser.parse(raw)));
    }

    @Benchmark
    public void prefilterRejects(Blackhole blackhole) {
        EmailHeaders headers = declined[nextHeaders];
        nextHeaders = nextHeaders + 1 == declined.length ? 0 : nextHeaders + 1;
        blackhole.consume(connector.interestedIn(headers));
    }

    int acceptedMails() {
        return accepted.length;
    }

    int declinedHeaders() {
        return declined.length;
    }
}
