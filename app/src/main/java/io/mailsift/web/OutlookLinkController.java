package io.mailsift.web;

import java.net.URI;

import io.mailsift.outlook.LinkAttempt;
import io.mailsift.outlook.LinkRefusedException;
import io.mailsift.outlook.OutlookLinking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Linking an Outlook.com mailbox from the browser: {@code GET /link/outlook} sends the signed-in user to Microsoft,
 * {@code GET /link/outlook/callback} is where Microsoft sends them back. The link attempt (state, nonce, PKCE
 * verifier) lives in the user's session between the two and is used once. Success lands on the accounts page; a
 * refusal on a short page that says why in plain words, never a stack trace.
 */
@Controller
class OutlookLinkController {

    static final String CALLBACK_PATH = "/link/outlook/callback";
    /** Where a completed link lands: a fixed path on this site, never a target taken from the request. */
    static final String ACCOUNTS_PAGE = "/accounts.html";
    private static final String ATTEMPT = OutlookLinkController.class.getName() + ".attempt";

    private final OutlookLinking linking;
    private final CurrentUser currentUser;

    OutlookLinkController(OutlookLinking linking, CurrentUser currentUser) {
        this.linking = linking;
        this.currentUser = currentUser;
    }

    /** Starts a link, or a relink of one of the user's Outlook accounts ({@code account}, from the relink button). */
    @GetMapping("/link/outlook")
    ResponseEntity<String> start(@RequestParam(name = "account", required = false) @Nullable Long account,
            HttpSession session) {
        long userId = currentUser.id();
        URI callback = ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH).build().toUri();
        try {
            OutlookLinking.Start start = linking.start(userId, callback, account);
            session.setAttribute(ATTEMPT, start.attempt());
            return ResponseEntity.status(HttpStatus.FOUND).location(start.authorizationRequest()).build();
        } catch (LinkRefusedException e) {
            return refused(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @GetMapping(CALLBACK_PATH)
    ResponseEntity<String> callback(HttpServletRequest request, HttpSession session) {
        long userId = currentUser.id();
        LinkAttempt attempt = session.getAttribute(ATTEMPT) instanceof LinkAttempt stored ? stored : null;
        // Used once, whatever the outcome: a replayed answer finds nothing to complete.
        session.removeAttribute(ATTEMPT);
        // The answer is read as sent to the redirect URI the attempt registered, not as this node's URL rebuilt.
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        URI answer = URI.create((attempt == null ? CALLBACK_PATH : attempt.redirectUri()) + "?" + query);
        try {
            linking.complete(userId, attempt, answer);
            return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, ACCOUNTS_PAGE).build();
        } catch (LinkRefusedException e) {
            return refused(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (IllegalArgumentException e) {
            return refused(HttpStatus.BAD_REQUEST, "The answer from Microsoft could not be read. Start linking the "
                    + "mailbox again.");
        }
    }

    private static ResponseEntity<String> refused(HttpStatus status, @Nullable String reason) {
        String page = """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Linking Outlook.com failed - Mailsift</title>
                <link rel="stylesheet" href="/mailsift.css"></head>
                <body>
                <main>
                <h1>Linking Outlook.com failed</h1>
                <p id="reason">%s</p>
                <p><a href="%s">Back to your mailboxes</a></p>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(reason == null ? "Unknown reason." : reason), ACCOUNTS_PAGE);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).body(page);
    }
}
