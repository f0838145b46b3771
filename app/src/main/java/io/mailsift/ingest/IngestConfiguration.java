package io.mailsift.ingest;

import io.mailsift.connector.mail.EmailParser;
import io.mailsift.system.JakartaMailDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;

/**
 * The ingestion flow: every watcher sends into one direct channel, whose handler runs the connectors and commits on
 * the watcher's own thread. Direct on purpose: the adapter learns of a failure (and does not move on) because the
 * handler's exception comes back through {@code send}.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    EmailParser emailParser() {
        JakartaMailDefaults.nameTheStreamProvider();
        return new EmailParser();
    }

    @Bean
    MessageChannel ingestChannel() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow ingestFlow(MessageChannel ingestChannel, MessageIngestion ingestion) {
        return IntegrationFlow.from(ingestChannel)
                .handle(FetchedBatch.class, (batch, headers) -> {
                    ingestion.ingest(batch.messages());
                    return null;
                })
                .get();
    }
}
