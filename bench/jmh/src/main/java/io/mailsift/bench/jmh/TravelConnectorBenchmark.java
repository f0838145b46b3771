package io.mailsift.bench.jmh;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.mailsift.connector.Connector;
import io.mailsift.travel.TravelConnector;

/** Issue 5, point 6: ≥ 1,000 mails/s per core for mails it is interested in; a rejection in under 20 µs. */
@State(Scope.Thread)
public class TravelConnectorBenchmark extends ConnectorBenchmark {

    @Override
    Connector connector() {
        return new TravelConnector();
    }

    @Override
    String ownCorpus() {
        return travelCorpus;
    }
}
