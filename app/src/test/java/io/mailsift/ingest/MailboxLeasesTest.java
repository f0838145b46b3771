package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import io.mailsift.system.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lease statements against a real PostgreSQL: claims, renewals, releases, the fair share. */
class MailboxLeasesTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final DataSource dataSource = TestPostgres.newMigratedDatabase();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final MailboxLeases leases = new MailboxLeases(jdbc);

    @Test
    void shouldNeverLetTwoParallelClaimersWinTheSameLease() throws Exception {
        List<Long> accounts = configuredAccounts(40);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 25; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<MailboxLeases.Claim>>> claimers = new ArrayList<>();
                for (String node : List.of("node-a", "node-b")) {
                    claimers.add(threads.submit(() -> {
                        together.await();
                        return leases.claim(node, LEASE, accounts, accounts.size());
                    }));
                }
                List<Long> won = new ArrayList<>();
                for (Future<List<MailboxLeases.Claim>> claimer : claimers) {
                    claimer.get().forEach(claim -> won.add(claim.accountId()));
                }

                assertThat(won).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accounts);
                leases.releaseAll("node-a");
                leases.releaseAll("node-b");
            }
        }
    }

    @Test
    void shouldClaimOnlyFreeOrExpiredLeasesAndNameTheExpiredHolder() {
        List<Long> accounts = configuredAccounts(3);
        assertThat(leases.claim("node-a", LEASE, accounts, 2)).extracting(MailboxLeases.Claim::accountId)
                .containsExactly(accounts.get(0), accounts.get(1));
        assertThat(leases.claim("node-b", LEASE, accounts, 5)).extracting(MailboxLeases.Claim::accountId)
                .containsExactly(accounts.get(2));

        jdbc.sql("UPDATE mailbox_leases SET expires_at = now() - interval '1 second' WHERE node_id = 'node-a'")
                .update();

        assertThat(leases.claim("node-b", LEASE, accounts, 5)).containsExactly(
                new MailboxLeases.Claim(accounts.get(0), "node-a"), new MailboxLeases.Claim(accounts.get(1), "node-a"));
        assertThat(leases.renew("node-a", LEASE)).isEmpty();
    }

    @Test
    void shouldRenewHeldLeasesAndHandOverWakeRequestsOnce() {
        List<Long> accounts = configuredAccounts(2);
        leases.claim("node-a", LEASE, accounts, 2);

        assertThat(leases.requestWake(accounts.get(1))).isTrue();

        assertThat(leases.renew("node-a", LEASE)).containsExactlyInAnyOrder(
                new MailboxLeases.Renewal(accounts.get(0), false), new MailboxLeases.Renewal(accounts.get(1), true));
        assertThat(leases.renew("node-a", LEASE)).extracting(MailboxLeases.Renewal::wake).containsOnly(false);
    }

    @Test
    void shouldFreeReleasedLeasesForOtherNodesAtOnce() {
        List<Long> accounts = configuredAccounts(2);
        leases.claim("node-a", LEASE, accounts, 2);

        leases.release("node-a", List.of(accounts.get(0)));
        assertThat(leases.claim("node-b", LEASE, accounts, 2)).extracting(MailboxLeases.Claim::accountId)
                .containsExactly(accounts.get(0));
        leases.releaseAll("node-a");

        assertThat(leases.claim("node-b", LEASE, accounts, 2)).extracting(MailboxLeases.Claim::accountId)
                .containsExactly(accounts.get(1));
        assertThat(leases.requestWake(accounts.get(0))).isTrue();
    }

    @Test
    void shouldShareTheAccountsToWatchAmongLiveNodes() {
        List<Long> accounts = configuredAccounts(5);
        leases.heartbeat("node-a", LEASE);
        assertThat(leases.share(accounts).perNode()).isEqualTo(5);

        leases.heartbeat("node-b", LEASE);
        assertThat(leases.share(accounts)).isEqualTo(new MailboxLeases.Share(5, 2));
        assertThat(leases.share(accounts).perNode()).isEqualTo(3);

        jdbc.sql("UPDATE lease_nodes SET expires_at = now() - interval '1 second' WHERE node_id = 'node-b'").update();
        assertThat(leases.share(accounts).perNode()).isEqualTo(5);
    }

    @Test
    void shouldLeaseNeitherAccountsWaitingForARelinkNorUserMailboxesWithoutConsent() {
        List<Long> configured = configuredAccounts(2);
        jdbc.sql("UPDATE mail_accounts SET state = 'relink_required' WHERE id = :id").param("id", configured.get(1))
                .update();
        long userMailbox = account("user-linked", "user");

        assertThat(leases.claim("node-a", LEASE, configured, 10)).extracting(MailboxLeases.Claim::accountId)
                .containsExactly(configured.get(0));
        assertThat(leases.notToWatch(List.of(configured.get(0), configured.get(1), userMailbox), configured))
                .isEqualTo(Set.of(configured.get(1), userMailbox));
        // Another node's configured account is not this node's to watch.
        assertThat(leases.claim("node-b", LEASE, List.of(), 10)).isEmpty();
    }

    @Test
    void shouldDeleteTheLeaseWithItsAccount() {
        List<Long> accounts = configuredAccounts(1);
        leases.claim("node-a", LEASE, accounts, 1);

        jdbc.sql("DELETE FROM mail_accounts WHERE id = :id").param("id", accounts.getFirst()).update();

        assertThat(jdbc.sql("SELECT count(*) FROM mailbox_leases").query(Long.class).single()).isZero();
        assertThat(leases.renew("node-a", LEASE)).isEmpty();
    }

    @Test
    void shouldNotWaitForALeaseRowAnotherTransactionLocksAndKeepItForTheNextRound() throws Exception {
        List<Long> accounts = configuredAccounts(2);
        leases.claim("node-a", LEASE, accounts, 2);
        jdbc.sql("UPDATE mailbox_leases SET renewed_at = now() - interval '5 seconds'").update();

        // As an unlink on another node does until it commits: the cascade locks the lease row.
        try (Connection unlink = dataSource.getConnection()) {
            unlink.setAutoCommit(false);
            try (Statement statement = unlink.createStatement()) {
                statement.execute("SELECT 1 FROM mailbox_leases WHERE account_id = " + accounts.get(1) + " FOR UPDATE");
            }

            List<MailboxLeases.Renewal> renewals = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> leases.renew("node-a", LEASE));

            assertThat(renewals).containsExactlyInAnyOrder(new MailboxLeases.Renewal(accounts.get(0), false),
                    new MailboxLeases.Renewal(accounts.get(1), false));
            unlink.rollback();
        }
        assertThat(jdbc.sql("SELECT account_id FROM mailbox_leases WHERE renewed_at > now() - interval '1 second'")
                .query(Long.class).list()).containsExactly(accounts.get(0));
    }

    @Test
    void shouldClaimThisNodesConfiguredAccountsBeforeMailboxesAnyNodeMayWatch() {
        long linked = account("linked", "user");
        jdbc.sql("INSERT INTO account_connectors (account_id, connector_id) VALUES (:id, 'test')")
                .param("id", linked).update();
        long onlyHere = account("configured-here-only", "config");

        assertThat(leases.freeConfigured(List.of(onlyHere))).containsExactly(onlyHere);
        assertThat(leases.claim("node-a", LEASE, List.of(onlyHere), 1)).extracting(MailboxLeases.Claim::accountId)
                .containsExactly(onlyHere);
        assertThat(leases.freeConfigured(List.of(onlyHere))).isEmpty();
        assertThat(leases.claim("node-b", LEASE, List.of(), 1)).extracting(MailboxLeases.Claim::accountId)
                .containsExactly(linked);
    }

    @Test
    void shouldSplitFourMailboxesOnThreeNodesTwoOneOne() {
        assertThat(settledCounts(4, 3)).containsExactlyInAnyOrder(2L, 1L, 1L);
    }

    @Test
    void shouldSplitTenMailboxesOnFourNodesThreeThreeTwoTwo() {
        assertThat(settledCounts(10, 4)).containsExactlyInAnyOrder(3L, 3L, 2L, 2L);
    }

    @Test
    void shouldSpreadTheMailboxesOfFullNodesToANewNode() {
        List<Long> accounts = configuredAccounts(4);
        List<String> nodes = List.of("node-0", "node-1");
        nodes.forEach(node -> leases.heartbeat(node, LEASE));
        for (int round = 0; round < 4; round++) {
            nodes.forEach(node -> round(node, accounts));
        }
        assertThat(heldCounts()).containsExactlyInAnyOrder(2L, 2L);

        List<String> three = List.of("node-0", "node-1", "node-2");
        leases.heartbeat("node-2", LEASE);
        for (int round = 0; round < 4; round++) {
            three.forEach(node -> round(node, accounts));
        }

        assertThat(heldCounts()).containsExactlyInAnyOrder(2L, 1L, 1L);
    }

    /** Lease rounds of these many nodes, in turn, as MailboxWatchers runs them, until they settle. */
    private List<Long> settledCounts(int mailboxes, int nodeCount) {
        List<Long> accounts = configuredAccounts(mailboxes);
        List<String> nodes = LongStream.range(0, nodeCount).mapToObj(n -> "node-" + n).toList();
        nodes.forEach(node -> leases.heartbeat(node, LEASE));
        for (int round = 0; round < 5; round++) {
            nodes.forEach(node -> round(node, accounts));
        }
        return heldCounts();
    }

    private void round(String node, List<Long> accounts) {
        leases.heartbeat(node, LEASE);
        List<Long> held = leases.renew(node, LEASE).stream().map(MailboxLeases.Renewal::accountId).sorted().toList();
        int target = leases.share(accounts).target();
        if (held.size() > target) {
            leases.release(node, held.subList(target, held.size()));
        } else if (held.size() < target) {
            leases.claim(node, LEASE, accounts, target - held.size());
        }
    }

    private List<Long> heldCounts() {
        return jdbc.sql("SELECT count(*) FROM mailbox_leases WHERE node_id IS NOT NULL GROUP BY node_id")
                .query(Long.class).list();
    }

    private List<Long> configuredAccounts(int count) {
        return LongStream.range(0, count).mapToObj(n -> account("account-" + n, "config")).toList();
    }

    private long account(String name, String source) {
        long user = jdbc.sql("""
                INSERT INTO users (username) VALUES ('owner') ON CONFLICT (username) DO UPDATE SET username = 'owner'
                RETURNING id""").query(Long.class).single();
        return jdbc.sql("""
                INSERT INTO mail_accounts (user_id, name, host, port, security, username, source)
                VALUES (:user, :name, 'localhost', 143, 'none', :name, :source) RETURNING id""")
                .param("user", user).param("name", name).param("source", source).query(Long.class).single();
    }
}
