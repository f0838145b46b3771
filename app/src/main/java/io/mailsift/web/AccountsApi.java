package io.mailsift.web;

import java.util.List;
import java.util.Map;

import io.mailsift.ingest.ImapLoginCheck.LoginRefusedException;
import io.mailsift.link.ImapLinkRequest;
import io.mailsift.link.MailboxLinks;
import io.mailsift.link.MailboxLinks.ConfiguredMailboxException;
import io.mailsift.link.MailboxLinks.ConnectorChoice;
import io.mailsift.link.MailboxLinks.Disabled;
import io.mailsift.link.MailboxLinks.LinkedMailbox;
import io.mailsift.link.MailboxLinks.NameTakenException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API behind the accounts page: link an IMAP mailbox, consent per connector, unlink. Scoped to the signed-in
 * user: another user's account id answers 404 like an unknown one. Errors come as {@code {"error": code, "message":
 * plain words}}.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountsApi {

    private final MailboxLinks links;
    private final CurrentUser currentUser;

    AccountsApi(MailboxLinks links, CurrentUser currentUser) {
        this.links = links;
        this.currentUser = currentUser;
    }

    /** The body of {@code POST /api/accounts}. */
    record LinkImap(@Nullable String name, @Nullable String host, @Nullable Integer port, @Nullable String security,
            @Nullable String username, @Nullable String password, @Nullable List<String> folders) {

        @Override
        public String toString() {
            return "LinkImap[host=" + host + ", port=" + port + ", username=" + username + ", password=******]";
        }
    }

    /** An error the user can act on. */
    record Problem(String error, String message) {
    }

    @PostMapping
    ResponseEntity<LinkedMailbox> link(@RequestBody LinkImap body) throws LoginRefusedException, NameTakenException {
        ImapLinkRequest request = ImapLinkRequest.of(body.name(), body.host(), body.port(), body.security(),
                body.username(), body.password(), body.folders());
        return ResponseEntity.status(HttpStatus.CREATED).body(links.linkImap(currentUser.id(), request));
    }

    @DeleteMapping("/{accountId}")
    ResponseEntity<?> unlink(@PathVariable long accountId) throws ConfiguredMailboxException {
        return links.unlink(currentUser.id(), accountId) ? ResponseEntity.noContent().build() : notFound();
    }

    @GetMapping("/{accountId}/connectors")
    ResponseEntity<?> connectors(@PathVariable long accountId) {
        return links.connectors(currentUser.id(), accountId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(AccountsApi::notFound);
    }

    @PutMapping("/{accountId}/connectors/{connectorId}")
    ResponseEntity<?> enable(@PathVariable long accountId, @PathVariable String connectorId) {
        return links.enable(currentUser.id(), accountId, connectorId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(AccountsApi::notFound);
    }

    /** The answer to disabling: the connector, how many findings it left and where to delete them. */
    record DisabledView(ConnectorChoice connector, long findings, String deleteFindings) {
    }

    @DeleteMapping("/{accountId}/connectors/{connectorId}")
    ResponseEntity<?> disable(@PathVariable long accountId, @PathVariable String connectorId) {
        return links.disable(currentUser.id(), accountId, connectorId)
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok(view(accountId, d)))
                .orElseGet(AccountsApi::notFound);
    }

    @DeleteMapping("/{accountId}/connectors/{connectorId}/findings")
    ResponseEntity<?> deleteFindings(@PathVariable long accountId, @PathVariable String connectorId) {
        var deleted = links.deleteFindings(currentUser.id(), accountId, connectorId);
        return deleted.isPresent() ? ResponseEntity.ok(Map.of("deleted", deleted.getAsInt())) : notFound();
    }

    private static DisabledView view(long accountId, Disabled disabled) {
        return new DisabledView(disabled.connector(), disabled.findings(),
                "/api/accounts/" + accountId + "/connectors/" + disabled.connector().id() + "/findings");
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("not_found", "No such mailbox or "
                + "connector"));
    }

    @ExceptionHandler(LoginRefusedException.class)
    ResponseEntity<Problem> loginRefused(LoginRefusedException e) {
        return ResponseEntity.unprocessableContent().body(new Problem(e.problem().code(), e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Problem> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new Problem("invalid", e.getMessage()));
    }

    @ExceptionHandler(NameTakenException.class)
    ResponseEntity<Problem> nameTaken(NameTakenException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem("name_taken", e.getMessage()));
    }

    @ExceptionHandler(ConfiguredMailboxException.class)
    ResponseEntity<Problem> configured(ConfiguredMailboxException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem("configured", e.getMessage()));
    }
}
