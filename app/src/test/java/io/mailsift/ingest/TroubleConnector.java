package io.mailsift.ingest;

import java.util.List;
import java.util.Set;

import io.mailsift.connector.Connector;
import io.mailsift.connector.ConnectorDescriptor;
import io.mailsift.connector.Email;
import io.mailsift.connector.Finding;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.SpiVersion;

/** Test connector that misbehaves on request: throws on "explode", hangs on "hang", otherwise finds nothing. */
public final class TroubleConnector implements Connector {

    static final String ID = "test-trouble";

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "1.0", SpiVersion.CURRENT, Set.of(), ReadScope.HEADERS,
                "Fails when asked to.");
    }

    @Override
    public List<Finding> extract(Email email) {
        String subject = email.headers().subject();
        if (subject.contains("explode")) {
            throw new IllegalStateException("exploded as asked");
        }
        if (subject.contains("hang")) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.of();
    }
}
