package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.mailsift.connector.Connector;
import io.mailsift.connector.Email;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.registry.ConnectorRegistry;
import org.junit.jupiter.api.Test;

/**
 * The sample {@link MessageIngestion#prepare()} runs before the watchers start must reach the reference connectors'
 * extraction and give findings, or the first live messages pay for loading those classes on virtual threads.
 */
class StartSampleTest {

    @Test
    void shouldPassEveryReferencePrefilterAndGiveFindings() throws Exception {
        Email sample = new EmailParser().parse(MessageIngestion.SAMPLE.getBytes(StandardCharsets.UTF_8));

        for (Connector connector : ConnectorRegistry.discover(getClass().getClassLoader()).connectors()) {
            assertThat(connector.interestedIn(sample.headers())).as(connector.descriptor().id()).isTrue();
            assertThat(connector.extract(sample)).as(connector.descriptor().id()).isNotEmpty();
        }
    }
}
