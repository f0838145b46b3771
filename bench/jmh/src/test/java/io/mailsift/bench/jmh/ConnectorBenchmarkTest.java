package io.mailsift.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmarks' state sets up from the repository's corpora and each benchmark runs; no timing. */
class ConnectorBenchmarkTest {

    private final Blackhole blackhole = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    static Stream<ConnectorBenchmark> benchmarks() {
        return Stream.of(new TravelConnectorBenchmark(), new PurchaseConnectorBenchmark());
    }

    @ParameterizedTest
    @MethodSource("benchmarks")
    void shouldFindAcceptedMailsAndDeclinedHeadersAndRunEachBenchmark(ConnectorBenchmark benchmark) throws Exception {
        benchmark.readCorpora();

        assertThat(benchmark.acceptedMails()).isGreaterThan(50);
        assertThat(benchmark.declinedHeaders()).isGreaterThan(500);
        assertThatCode(() -> {
            benchmark.extract(blackhole);
            benchmark.parseAndExtract(blackhole);
            benchmark.prefilterRejects(blackhole);
        }).doesNotThrowAnyException();
    }
}
