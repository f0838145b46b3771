package io.mailsift.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium driven through chromedriver's W3C WebDriver protocol (plain HTTP, no Selenium): enough to load a
 * page, let its scripts run and read what a person would see. {@link #find()} is empty, with the reason, when Chromium
 * or chromedriver is not installed.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process driver;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;

    private HeadlessChromium() throws IOException, InterruptedException {
        int port = freePort();
        profile = Files.createTempDirectory("mailsift-chromium");
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        base = "http://127.0.0.1:" + port;
        awaitDriver();
        JsonNode created = post("/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(), "args", List.of(
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile))))));
        session = created.path("value").path("sessionId").asString();
    }

    /** Whether this machine can run the browser checks, and why not. */
    public static Optional<String> missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of("Chromium is not installed (apt-get install chromium chromium-driver)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("chromedriver is not installed (apt-get install chromium-driver)");
        }
        return Optional.empty();
    }

    /** Starts chromedriver and a headless Chromium session. */
    public static HeadlessChromium start() throws IOException, InterruptedException {
        return new HeadlessChromium();
    }

    /** Navigates and waits for the page load. */
    public void open(String url) throws IOException, InterruptedException {
        post("/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs a script in the page and returns its result as text. */
    public String evaluate(String script) throws IOException, InterruptedException {
        return post("/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of()))
                .path("value").asString("");
    }

    /**
     * Signs in on the sign-in page the browser shows (or is being sent to): waits for the page's script to be ready
     * (a click before it would post the form without its CSRF header and be refused, which a loaded machine makes
     * likely), submits the form and waits until the browser has left the page.
     */
    public void signIn(String username, String password, Duration timeout) throws IOException, InterruptedException {
        awaitScript(timeout, "const form = document.getElementById('signin-form');"
                + " return form && form.dataset.ready === 'true' ? 'yes' : '';", "the sign-in page's script");
        evaluate("document.getElementById('username').value = '" + quoted(username) + "';"
                + "document.getElementById('password').value = '" + quoted(password) + "';"
                + "document.getElementById('signin-submit').click(); return '';");
        awaitScript(timeout, "return document.getElementById('signin-form') ? '' : 'yes';", "leaving the sign-in page");
    }

    private void awaitScript(Duration timeout, String script, String what) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (evaluate(script).equals("yes")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + " at " + evaluate("return location.href;")
                + "; page text:\n" + evaluate("return document.body.innerText;"));
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** Waits until the visible text of the page contains every snippet; returns that text. */
    public String awaitText(Duration timeout, String... snippets) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = evaluate("return document.body.innerText;");
            String seen = text;
            if (List.of(snippets).stream().allMatch(seen::contains)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("page text never contained " + List.of(snippets) + "; last seen:\n" + text);
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("chromedriver " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void awaitDriver() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200 && JSON.readTree(status.body()).path("value").path("ready")
                        .asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        driver.destroyForcibly();
        throw new IOException("chromedriver did not start within 20 s");
    }

    @Override
    public void close() throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/session/" + session)).DELETE()
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the driver goes down below anyway
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
            http.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
