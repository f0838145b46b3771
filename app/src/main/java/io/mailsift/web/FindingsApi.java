package io.mailsift.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mailsift.account.AccountStatuses;
import io.mailsift.account.AccountStatuses.AccountStatus;
import io.mailsift.finding.FindingQueries;
import io.mailsift.finding.StoredFinding;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.server.ResponseStatusException;

/** The REST API behind the findings page: the current user's findings and mailboxes, newest first. */
@RestController
@RequestMapping("/api")
class FindingsApi {

    static final int MAX_LIMIT = 1000;

    private final FindingQueries findings;
    private final AccountStatuses accounts;
    private final CurrentUser currentUser;
    private final FindingChangeFeed changes;

    FindingsApi(FindingQueries findings, AccountStatuses accounts, CurrentUser currentUser,
            FindingChangeFeed changes) {
        this.findings = findings;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.changes = changes;
    }

    /** One finding as the API shows it: the schema.org object and where it came from. */
    record FindingView(String account, String connector, String type, String key, Map<String, Object> data,
            @Nullable String messageId, @Nullable Instant messageDate, @Nullable String senderDomain,
            Instant updatedAt) {

        static FindingView of(StoredFinding finding) {
            return new FindingView(finding.accountName(), finding.connectorId(), finding.type(), finding.key(),
                    finding.payload(), finding.provenance().messageId(), finding.provenance().messageDate(),
                    finding.provenance().senderDomain(), finding.updatedAt());
        }
    }

    @GetMapping("/findings")
    List<FindingView> findings(@RequestParam(defaultValue = "200") int limit) {
        int bounded = Math.clamp(limit, 1, MAX_LIMIT);
        return findings.latestForUser(currentUser.id(), bounded).stream().map(FindingView::of).toList();
    }

    /**
     * Waits (at most {@link FindingChangeFeed#MAX_WAIT}) until findings changed since version {@code after}, then
     * answers the new version. {@code after=-1} answers the current version at once.
     */
    @GetMapping("/findings/changes")
    DeferredResult<Long> changes(@RequestParam(defaultValue = "-1") long after) {
        return changes.after(after);
    }

    @GetMapping("/accounts")
    List<AccountStatus> accounts() {
        return accounts.forUser(currentUser.id()).stream().map(this::shown).toList();
    }

    /** One of the user's accounts; 404 for any other id, another user's included (its existence is not revealed). */
    @GetMapping("/accounts/{id}")
    AccountStatus account(@PathVariable long id) {
        return accounts.forUser(currentUser.id(), id).map(this::shown).orElseThrow(FindingsApi::notFound);
    }

    /** Which node watches a mailbox names an internal host: admins see it, other users only whether one does. */
    private AccountStatus shown(AccountStatus status) {
        return currentUser.admin() ? status : status.withoutNode();
    }

    /** The findings of one of the user's accounts, newest first; 404 for another user's account. */
    @GetMapping("/accounts/{id}/findings")
    List<FindingView> accountFindings(@PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        long userId = currentUser.id();
        if (accounts.forUser(userId, id).isEmpty()) {
            throw notFound();
        }
        return findings.latestForAccount(userId, id, Math.clamp(limit, 1, MAX_LIMIT)).stream().map(FindingView::of)
                .toList();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account");
    }
}
