package io.mailsift.ingest;

import io.mailsift.connector.mail.EmailParser;
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

    /** Jakarta Mail's system property naming its stream provider implementation. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    @Bean
    EmailParser emailParser() {
        nameTheStreamProvider();
        return new EmailParser();
    }

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a ServiceLoader on every header block, body part and
     * multipart it creates (jakartaee/mail-api#699, #861): in the Spring Boot jar that scan of every nested jar took a
     * quarter of the CPU of a backfill, and it takes class-loader locks on the parsing virtual threads. Named by this
     * system property, the class is instantiated directly instead. An operator's own value is kept.
     */
    static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
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
