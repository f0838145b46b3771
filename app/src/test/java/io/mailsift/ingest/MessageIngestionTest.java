package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import javax.sql.DataSource;

import io.mailsift.account.AccountConsent;
import io.mailsift.account.AccountsProperties;
import io.mailsift.account.ConfiguredAccount;
import io.mailsift.account.ConfiguredAccounts;
import io.mailsift.account.RegisteredAccount;
import io.mailsift.account.Security;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.finding.FindingStore;
import io.mailsift.system.TestPostgres;
import io.mailsift.user.AdminProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Failure handling of one message, with the real store and schema but no IMAP server. */
class MessageIngestionTest {

    private static final DataSource database = TestPostgres.newMigratedDatabase();

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Infrastructure {

        @Bean
        JdbcClient jdbcClient() {
            return JdbcClient.create(database);
        }

        @Bean
        TransactionTemplate transactionTemplate() {
            return new TransactionTemplate(new DataSourceTransactionManager(database));
        }

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        EmailParser emailParser() {
            return new EmailParser();
        }

        @Bean
        AccountsProperties accountsProperties() {
            return new AccountsProperties(List.of(new ConfiguredAccount("unit", "imap.example.org", 0, Security.TLS,
                    "me", null, List.of("INBOX"))));
        }

        @Bean
        AdminProperties adminProperties() {
            return new AdminProperties(null, null, null);
        }
    }

    /** A message the server refuses to deliver, as a server with a corrupt message store does. */
    static final class UndeliverableMessage extends IMAPMessage {

        UndeliverableMessage() {
            super((Session) null);
        }

        @Override
        public int getSize() throws MessagingException {
            throw new MessagingException("A7 NO [SERVERBUG] internal error");
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, TestConnectors.class)
            .withBean(AccountConsent.class)
            .withBean(ConfiguredAccounts.class)
            .withBean(FindingStore.class)
            .withBean(ConnectorRunner.class)
            .withBean(ConnectorErrorLog.class)
            .withBean(UidCheckpointStore.class)
            .withBean(IngestMetrics.class)
            .withBean(MessageIngestion.class);

    @Test
    void shouldRetryAMessageTheServerFailedToDeliverThenSkipItAsUnreadable() {
        runner.run(context -> {
            RegisteredAccount account = context.getBean(ConfiguredAccounts.class).register().getFirst();
            MessageIngestion ingestion = context.getBean(MessageIngestion.class);
            FetchedMessage poison = new FetchedMessage(account, "INBOX", 42, 7, new UndeliverableMessage());
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            for (int attempt = 1; attempt < MessageIngestion.MAX_READ_ATTEMPTS; attempt++) {
                assertThatThrownBy(() -> ingestion.ingest(poison)).isInstanceOf(MailboxAccessException.class);
                assertThat(lastUid(jdbc, account)).isZero();
            }
            ingestion.ingest(poison);

            assertThat(lastUid(jdbc, account)).isEqualTo(7);
            assertThat(jdbc.sql("SELECT kind || ' ' || reason FROM connector_errors WHERE account_id = :id")
                    .param("id", account.id()).query(String.class).list())
                    .singleElement().asString().startsWith("unreadable").contains("SERVERBUG");
        });
    }

    private static long lastUid(JdbcClient jdbc, RegisteredAccount account) {
        return jdbc.sql("SELECT COALESCE(MAX(last_uid), 0) FROM folder_checkpoints WHERE account_id = :id")
                .param("id", account.id()).query(Long.class).single();
    }
}
