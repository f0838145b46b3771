package io.mailsift.bench.jmh;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import io.mailsift.connector.Connector;
import io.mailsift.purchases.PurchaseConnector;

/** Issue 6, point 7: ≥ 1,000 mails/s per core for mails it is interested in. */
@State(Scope.Thread)
public class PurchaseConnectorBenchmark extends ConnectorBenchmark {

    @Override
    Connector connector() {
        return new PurchaseConnector();
    }

    @Override
    String ownCorpus() {
        return purchaseCorpus;
    }
}
