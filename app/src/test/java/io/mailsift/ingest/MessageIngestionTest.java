package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
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
import jakarta.mail.Header;
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

    /** A message whose headers and size the batch's header fetch brought, as a server delivers them. */
    static final class DeliveredMessage extends IMAPMessage {

        private final String subject;

        DeliveredMessage(String subject) {
            super((Session) null);
            this.subject = subject;
        }

        @Override
        public int getSize() {
            return 200;
        }

        @Override
        public java.util.Date getReceivedDate() {
            return null; // no INTERNALDATE: the Date header counts
        }

        @Override
        public Enumeration<Header> getAllHeaders() {
            return Collections.enumeration(List.of(new Header("Subject", subject),
                    new Header("From", "shop@example.org"), new Header("Message-ID", "<" + subject + "@example.org>"),
                    new Header("Date", "Mon, 30 Nov 2026 08:00:00 +0000")));
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
            .withBean(ConnectorCatchups.class)
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

    @Test
    void shouldCommitTheBatchesBeforeAnUndeliverableMessageAndNothingAfterItWhenSeveralBatchesAreInFlight() {
        runner.withPropertyValues("mailsift.ingest.batch-size=2").run(context -> {
            RegisteredAccount account = context.getBean(ConfiguredAccounts.class).register().getFirst();
            MessageIngestion ingestion = context.getBean(MessageIngestion.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            // Only the headers connector: every message is decided without a body, which these messages lack.
            jdbc.sql("DELETE FROM account_connectors WHERE account_id = :id").param("id", account.id()).update();
            jdbc.sql("INSERT INTO account_connectors (account_id, connector_id) VALUES (:id, :connector)")
                    .param("id", account.id()).param("connector", SubjectConnector.ID).update();
            List<FetchedMessage> round = new ArrayList<>();
            for (int uid = 1; uid <= 9; uid++) {
                round.add(new FetchedMessage(account, "Pipelined", 42, uid,
                        uid == 6 ? new UndeliverableMessage() : new DeliveredMessage("note " + uid)));
            }

            assertThatThrownBy(() -> ingestion.ingest(round)).isInstanceOf(MailboxAccessException.class);

            // Batches [1, 2], [3, 4] and the part of [5, 6] before the failure; never [7, 8] or [9].
            assertThat(jdbc.sql("SELECT last_uid FROM folder_checkpoints WHERE account_id = :id AND folder = 'Pipelined'")
                    .param("id", account.id()).query(Long.class).single()).isEqualTo(5);
            assertThat(jdbc.sql("SELECT uid FROM findings WHERE account_id = :id AND folder = 'Pipelined' ORDER BY uid")
                    .param("id", account.id()).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L);
        });
    }

    private static long lastUid(JdbcClient jdbc, RegisteredAccount account) {
        return jdbc.sql("SELECT COALESCE(MAX(last_uid), 0) FROM folder_checkpoints WHERE account_id = :id"
                + " AND folder = 'INBOX'")
                .param("id", account.id()).query(Long.class).single();
    }
}
