package io.mailsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailsift.connector.mail.EmailParser;
import io.mailsift.registry.ConnectorRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ScanCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path mail;
    private ClassLoader withTestConnectors;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void writeMailAndConnectors() throws IOException {
        mail = Files.createDirectories(dir.resolve("mail"));
        Files.writeString(mail.resolve("a.eml"), message("Order 1", "first order"));
        Files.writeString(Files.createDirectories(mail.resolve("sub")).resolve("b.eml"),
                message("Order 2 boom", "second order"));
        Files.writeString(mail.resolve("notes.txt"), "not mail, skipped");
        Files.writeString(mail.resolve("box.mbox"), """
                From alice@example.com Mon Nov 30 00:00:00 2026
                %s
                From bob@example.com Mon Nov 30 00:01:00 2026
                %s
                From carol@example.com Mon Nov 30 00:02:00 2026
                %s""".formatted(
                message("Order mbox 1", "one"),
                message("Order mbox 2", "two\n>From the start of the line\n>>From deeper"),
                message("Order mbox 3", "three")));
        Path maildir = mail.resolve("maildir");
        Files.createDirectories(maildir.resolve("tmp"));
        Files.writeString(Files.createDirectories(maildir.resolve("cur")).resolve("1700000000.1.host:2,S"),
                message("Order maildir cur", "seen"));
        Files.writeString(Files.createDirectories(maildir.resolve("new")).resolve("1700000001.2.host"),
                message("Order maildir new", "unseen"));
        Files.writeString(maildir.resolve("tmp").resolve("1700000002.3.host"), message("Order half-written", "x"));

        Path services = Files.createDirectories(dir.resolve("services/META-INF/services"));
        Files.writeString(services.resolve("io.mailsift.connector.Connector"), String.join("\n",
                ScanTestConnectors.OrderBySubject.class.getName(),
                ScanTestConnectors.HeadersOnly.class.getName(),
                ScanTestConnectors.Exploding.class.getName()));
        withTestConnectors = new URLClassLoader(new URL[] {dir.resolve("services").toUri().toURL()},
                getClass().getClassLoader());
    }

    @Test
    void shouldPrintOneJsonLinePerFindingWithTheKeysInOrder() {
        int exit = scan(mail.toString());

        assertThat(exit).isZero();
        assertThat(lines()).isNotEmpty().allSatisfy(line -> assertThat(parse(line).keySet())
                .containsExactly("source", "connector", "type", "key", "data"));
        assertThat(findings("test-orders")).extracting(f -> f.get("source")).containsExactlyInAnyOrder(
                mail.resolve("a.eml").toString(),
                mail.resolve("box.mbox") + "#1",
                mail.resolve("box.mbox") + "#2",
                mail.resolve("box.mbox") + "#3",
                mail.resolve("maildir/cur/1700000000.1.host:2,S").toString(),
                mail.resolve("maildir/new/1700000001.2.host").toString(),
                mail.resolve("sub/b.eml").toString());
        assertThat(findings("test-orders")).first().satisfies(f -> {
            assertThat(f.get("type")).isEqualTo("Order");
            assertThat((String) f.get("key")).isNotBlank();
            assertThat(f.get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("@context", "https://schema.org").containsEntry("@type", "Order");
        });
    }

    @Test
    void shouldSplitAnMboxAndUnescapeItsFromLines() {
        scan(mail.resolve("box.mbox").toString());

        assertThat(findings("test-orders")).extracting(f -> data(f).get("name"))
                .containsExactly("Order mbox 1", "Order mbox 2", "Order mbox 3");
        assertThat(findings("test-orders").get(1)).satisfies(f -> assertThat(data(f).get("description"))
                .isEqualTo("two\nFrom the start of the line\n>From deeper"));
    }

    @Test
    void shouldNeverReadTheTmpDirectoryOfAMaildir() {
        scan(mail.resolve("maildir").toString());

        assertThat(findings("test-orders")).extracting(f -> data(f).get("name"))
                .containsExactly("Order maildir cur", "Order maildir new");
    }

    @Test
    void shouldRunOnlyInterestedConnectorsAndShowHeadersOnlyConnectorsNoBody() throws IOException {
        Files.writeString(mail.resolve("c.eml"), message("Your newsletter", "not an order"));

        scan(mail.toString());

        assertThat(findings("test-orders")).extracting(f -> data(f).get("name")).doesNotContain("Your newsletter");
        assertThat(findings("test-headers")).extracting(f -> data(f).get("name")).contains("Your newsletter");
        assertThat(findings("test-headers")).hasSize(8).allSatisfy(f -> assertThat(data(f).get("sawBody"))
                .isEqualTo(false));
    }

    @Test
    void shouldReportAFailingConnectorWithTheMessageAndGoOn() {
        int exit = scan(mail.toString());

        assertThat(exit).isZero();
        assertThat(stderr()).contains(mail.resolve("sub/b.eml") + ": connector 'test-exploding' failed:", "kaboom");
        assertThat(findings("test-orders")).extracting(f -> data(f).get("name")).contains("Order 2 boom");
    }

    @Test
    void shouldReportAMissingPathOnStderrAndExitOneAfterScanningTheRest() {
        Path missing = dir.resolve("no-such.eml");

        int exit = scan(missing.toString(), mail.resolve("a.eml").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains(missing + ": no such file or directory")
                .contains("scan: 1 message(s), 2 finding(s), 0 connector failure(s), 1 unreadable input(s)");
        assertThat(findings("test-orders")).extracting(f -> f.get("source"))
                .containsExactly(mail.resolve("a.eml").toString());
    }

    @Test
    void shouldReportAnUnparseableMessageAndExitOne() throws IOException {
        Path junk = Files.write(mail.resolve("junk.eml"), new byte[] {0, 1, 2, '\n', '\n', 3});

        int exit = scan(mail.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains(junk + ": not a readable message");
        assertThat(findings("test-orders")).hasSize(7);
    }

    @Test
    void shouldPrintUsageForHelpAndFailWithoutAPath() {
        assertThat(scan("--help")).isZero();
        assertThat(stdout()).contains("Usage: mailsift scan");

        assertThat(scan()).isEqualTo(2);
        assertThat(stderr()).contains("no PATH given", "Usage: mailsift scan");

        assertThat(scan("--frobnicate", mail.toString())).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --frobnicate");
    }

    @Test
    void shouldRefuseAMissingPluginsDirectory() {
        assertThat(scan("--plugins", dir.resolve("plugins").toString(), mail.toString())).isEqualTo(2);
        assertThat(stderr()).contains("plugins directory not found");
    }

    @Test
    void shouldLoadConnectorsFromThePluginsDirectory() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        // A jar of only a services file: its connector class comes from the parent loader, which is enough to see
        // that --plugins reaches the registry.
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(plugins.resolve("extra.jar")))) {
            jar.putNextEntry(new java.util.jar.JarEntry("META-INF/services/io.mailsift.connector.Connector"));
            jar.write(ScanTestConnectors.OrderBySubject.class.getName().getBytes(StandardCharsets.UTF_8));
        }
        ScanCommand command = new ScanCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), new JakartaMailTestParser(),
                getClass().getClassLoader());

        int exit = command.execute(new String[] {"--plugins", plugins.toString(), mail.resolve("a.eml").toString()});

        assertThat(exit).isZero();
        assertThat(findings("test-orders")).hasSize(1);
    }

    @Test
    void shouldReadTheSameMessagesWithThePlatformsEmailParser() {
        ScanCommand command = new ScanCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), new EmailParser()::parse, withTestConnectors);

        int exit = command.execute(new String[] {mail.toString()});

        assertThat(exit).as(stderr()).isZero();
        assertThat(findings("test-orders")).hasSize(7).extracting(f -> data(f).get("description"))
                .contains("first order", "two\nFrom the start of the line\n>From deeper");
    }

    @Test
    void shouldUseTheSameRegistryAsTheService() {
        assertThat(ConnectorRegistry.discover(withTestConnectors).registered())
                .extracting(ConnectorRegistry.RegisteredConnector::id)
                .contains("test-exploding", "test-headers", "test-orders");
    }

    private int scan(String... args) {
        stdout.reset();
        stderr.reset();
        return new ScanCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), new JakartaMailTestParser(),
                withTestConnectors).execute(args);
    }

    private static String message(String subject, String body) {
        return """
                From: Shop <shop@example.com>
                To: me@example.org
                Subject: %s
                Message-ID: <%s@example.com>
                Date: Mon, 30 Nov 2026 00:00:00 +0000
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(subject, Integer.toHexString(subject.hashCode()), body);
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return stdout().lines().toList();
    }

    private List<Map<String, Object>> findings(String connector) {
        return lines().stream().<Map<String, Object>>map(ScanCommandTest::parse).filter(f -> connector.equals(f.get("connector")))
                .toList();
    }

    private static LinkedHashMap<String, Object> parse(String line) {
        return JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> finding) {
        return (Map<String, Object>) finding.get("data");
    }
}
