package io.mailsift.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway Dovecot (the Debian {@code dovecot-imapd} package) on loopback ports, for one test class: register it
 * with {@code @RegisterExtension static final DovecotServer dovecot = new DovecotServer();}. Its configuration,
 * runtime directory, maildirs and rawlogs live in a temporary directory; IMAP on {@link #imapPort()}, IMAPS with a
 * self-signed certificate ({@link #certificate()}) on {@link #imapsPort()}. Mail is owned by an unprivileged user
 * (uid ≥ 1000, created when running as root). The tests of a class are skipped when Dovecot or openssl is missing.
 *
 * <p>Every command a client sends after login is recorded per user ({@link #clientCommands(String)}), which is how
 * the tests prove Mailsift never modified a mailbox.
 *
 * <p>{@link #withOAuth2Introspection} adds SASL XOAUTH2 and OAUTHBEARER logins through Dovecot's oauth2 passdb, which
 * asks an OAuth2 introspection endpoint (e.g. mock-oauth2-server's) whether the bearer token is active and whose it
 * is: the token's {@code sub} must be the login. Public for the tests of other packages (Outlook linking).
 */
public final class DovecotServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String PASSWORD = "secret";

    /** The unprivileged owner of the maildirs when the tests run as root. */
    private static final String MAIL_USER = "mailsifttest";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicLong deliveries = new AtomicLong();

    private @Nullable Path dir;
    private @Nullable Path config;
    private int imapPort;
    private int imapsPort;
    private String mailUser = MAIL_USER;
    private String mailGroup = MAIL_USER;
    private @Nullable Supplier<URI> introspection;

    /**
     * Also accept XOAUTH2 and OAUTHBEARER logins, checked against this introspection endpoint (RFC 7662, POST; client
     * credentials, if needed, as user info in the URI). Asked when the server starts.
     */
    public DovecotServer withOAuth2Introspection(Supplier<URI> endpoint) {
        this.introspection = endpoint;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Starts the server, or aborts the calling test (class) with the reason when this machine cannot run it. */
    void start() throws IOException, InterruptedException {
        Path dovecot = executable("dovecot");
        Assumptions.assumeTrue(dovecot != null && executable("doveadm") != null,
                "Dovecot is not installed (apt-get install dovecot-imapd): no dovecot/doveadm on the PATH or in /usr/sbin");
        Assumptions.assumeTrue(executable("openssl") != null,
                "openssl is not installed (apt-get install openssl): needed for Dovecot's self-signed certificate");
        boolean root = "root".equals(System.getProperty("user.name"));
        mailUser = root ? ensureMailUser() : System.getProperty("user.name");
        int uid = Integer.parseInt(run(List.of("id", "-u", mailUser)).strip());
        int gid = Integer.parseInt(run(List.of("id", "-g", mailUser)).strip());
        mailGroup = run(List.of("id", "-gn", mailUser)).strip();
        Assumptions.assumeTrue(uid >= 1000,
                "Dovecot refuses mail users below uid 1000, and the tests run as " + mailUser + " (uid " + uid + ")");

        Path dir = Files.createTempDirectory("dovecot-");
        this.dir = dir;
        // Dovecot's own processes (dovenull, dovecot, the mail user) must be able to reach what lies beneath.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String sub : List.of("base", "state", "mail", "rawlog")) {
            Files.createDirectories(dir.resolve(sub));
        }
        chown(dir.resolve("mail"));
        chown(dir.resolve("rawlog"));
        Files.createDirectories(dir.resolve("passwd"));
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString()));

        imapPort = freePort();
        imapsPort = freePort();
        config = dir.resolve("dovecot.conf");
        Files.writeString(config, configuration(dir, root, uid, gid));
        if (introspection != null) {
            Files.writeString(dir.resolve("oauth2.conf.ext"), """
                    introspection_mode = post
                    introspection_url = %s
                    force_introspection = yes
                    username_attribute = sub
                    active_attribute = active
                    active_value = true
                    """.formatted(introspection.get()));
        }
        Files.writeString(dir.resolve("uid"), uid + ":" + gid);
        // The master daemonizes and keeps any pipe it inherited open: its output goes to a file, not to us.
        Process master = new ProcessBuilder(dovecot.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        if (!master.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || master.exitValue() != 0) {
            throw new IllegalStateException("dovecot did not start: " + Files.readString(dir.resolve("dovecot.out")));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        awaitListening(imapPort);
        awaitListening(imapsPort);
    }

    private String configuration(Path dir, boolean root, int uid, int gid) {
        // Not root: every Dovecot process runs as the current user, and none can chroot.
        String unprivileged = root ? "" : """
                default_internal_user = %1$s
                default_internal_group = %2$s
                default_login_user = %1$s
                service imap-login {
                  chroot =
                }
                service auth {
                  user = %1$s
                }
                service anvil {
                  chroot =
                }
                """.formatted(mailUser, mailGroup);
        return """
                # Generated by %s for one test run.
                instance_name = mailsift-test-%s
                base_dir = %s/base
                state_dir = %s/state
                log_path = %s/dovecot.log
                listen = 127.0.0.1
                protocols = imap
                ssl = yes
                ssl_cert = <%s/cert.pem
                ssl_key = <%s/key.pem
                disable_plaintext_auth = no
                auth_mechanisms = plain login%s
                mail_location = maildir:~/Maildir
                mail_fsync = never
                first_valid_uid = %d
                last_valid_uid = 0
                passdb {
                  driver = passwd-file
                  mechanisms = plain login
                  args = scheme=PLAIN %s/passwd/%%u
                }
                %s                userdb {
                  driver = passwd-file
                  args = %s/passwd/%%u
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %d
                  }
                  inet_listener imaps {
                    address = 127.0.0.1
                    port = %d
                    ssl = yes
                  }
                }
                protocol imap {
                  rawlog_dir = %s/rawlog/%%u
                }
                %s""".formatted(getClass().getSimpleName(), dir.getFileName(), dir, dir, dir, dir, dir,
                introspection == null ? "" : " xoauth2 oauthbearer", Math.min(uid, 1000), dir,
                introspection == null ? "" : """
                        passdb {
                          driver = oauth2
                          mechanisms = xoauth2 oauthbearer
                          args = %s/oauth2.conf.ext
                        }
                        """.formatted(dir),
                dir, imapPort, imapsPort, dir, unprivileged);
    }

    public int imapPort() {
        return imapPort;
    }

    public int imapsPort() {
        return imapsPort;
    }

    /**
     * The server's self-signed certificate (PEM), for {@code tls-trust: pem:<path>}. Issued to {@code localhost} only:
     * a client that checks host names must connect by that name, not by {@code 127.0.0.1}.
     */
    public Path certificate() {
        return directory().resolve("cert.pem");
    }

    /** Adds a login with password {@link #PASSWORD} and an empty INBOX; returns the login. */
    public synchronized String addUser(String user) {
        Path dir = directory();
        try {
            String[] ids = Files.readString(dir.resolve("uid")).strip().split(":");
            Path home = dir.resolve("mail").resolve(user);
            Files.createDirectories(dir.resolve("rawlog").resolve(user));
            chown(dir.resolve("rawlog").resolve(user));
            // One passwd-file per user: Dovecot opens a new file at once, but may miss a change to a known one.
            Files.writeString(dir.resolve("passwd").resolve(user), user + ":{PLAIN}" + PASSWORD + ":" + ids[0] + ":"
                    + ids[1] + "::" + home + "::\n", StandardCharsets.UTF_8);
            for (String sub : List.of("", "Maildir", "Maildir/new", "Maildir/cur", "Maildir/tmp")) {
                Path path = home.resolve(sub);
                Files.createDirectories(path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                chown(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return user;
    }

    /** Delivers one message to the user's INBOX the way an MDA does ({@code doveadm save}). */
    public void deliver(String user, byte[] message) {
        run(List.of("doveadm", "-c", configFile().toString(), "save", "-u", user, "-m", "INBOX"), message);
    }

    /**
     * Drops many messages straight into the user's maildir ({@code new/}), as procmail or fetchmail do: much faster
     * than one {@code doveadm save} each. Dovecot assigns UIDs when it next looks at the folder.
     */
    void deliverToMaildir(String user, List<byte[]> messages) {
        Path maildir = directory().resolve("mail").resolve(user).resolve("Maildir");
        try {
            for (byte[] message : messages) {
                String name = System.currentTimeMillis() / 1000 + ".M" + deliveries.incrementAndGet() + "P"
                        + ProcessHandle.current().pid() + ".mailsift-test";
                Path tmp = maildir.resolve("tmp").resolve(name);
                Files.write(tmp, message);
                chown(tmp);
                Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UID → flags (space separated, as Dovecot prints them, {@code \Recent} included) of every message in INBOX. */
    public Map<Long, String> flags(String user) {
        String out = run(List.of("doveadm", "-c", configFile().toString(), "fetch", "-u", user, "uid flags",
                "mailbox", "INBOX", "all"));
        Map<Long, String> flags = new LinkedHashMap<>();
        Long uid = null;
        for (String line : out.lines().toList()) {
            if (line.startsWith("uid: ")) {
                uid = Long.parseLong(line.substring(5).strip());
            } else if (line.startsWith("flags:") && uid != null) {
                flags.put(uid, line.substring(6).strip());
            }
        }
        return flags;
    }

    /** Sets flags or keywords (e.g. {@code \Seen}, {@code $Important}) on one message, as another mail client would. */
    void addFlags(String user, long uid, String flags) {
        run(List.of("doveadm", "-c", configFile().toString(), "flags", "add", "-u", user, flags, "mailbox", "INBOX",
                "uid", Long.toString(uid)));
    }

    /** Ends every IMAP session of the user, as a server restart or an administrator does. */
    public void kick(String user) {
        run(List.of("doveadm", "-c", configFile().toString(), "kick", user));
    }

    /**
     * The commands clients sent in the user's sessions after login (Dovecot's rawlog, {@code *.in}), e.g.
     * {@code EXAMINE}, {@code UID FETCH}, {@code IDLE}; untagged continuation lines such as {@code DONE} are left out.
     */
    public List<String> clientCommands(String user) {
        Path rawlog = directory().resolve("rawlog").resolve(user);
        List<String> commands = new ArrayList<>();
        try (Stream<Path> files = Files.list(rawlog)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".in")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    // "<seconds>.<micros> <tag> <COMMAND> <arguments>"
                    String[] words = line.strip().split(" +");
                    if (words.length >= 3 && words[0].matches("\\d+\\.\\d+")) {
                        String command = words[2].toUpperCase(Locale.ROOT);
                        if (command.equals("UID") && words.length >= 4) {
                            command += " " + words[3].toUpperCase(Locale.ROOT);
                        }
                        commands.add(command);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commands;
    }

    @Override
    public synchronized void close() {
        Path config = this.config;
        if (config == null) {
            return;
        }
        this.config = null;
        try {
            run(List.of("doveadm", "-c", config.toString(), "stop"));
        } catch (RuntimeException e) {
            System.err.println("Could not stop Dovecot: " + e.getMessage());
        }
        Path dir = this.dir;
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("Could not remove " + dir + ": " + e);
            }
        }
    }

    private Path directory() {
        if (dir == null) {
            throw new IllegalStateException("Dovecot is not started");
        }
        return dir;
    }

    private Path configFile() {
        if (config == null) {
            throw new IllegalStateException("Dovecot is not started");
        }
        return config;
    }

    private static String ensureMailUser() {
        if (runQuietly(List.of("id", "-u", MAIL_USER)) != 0) {
            // A regular user (uid ≥ 1000) that cannot log in; harmless if a parallel run creates it first.
            runQuietly(List.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", "--user-group",
                    MAIL_USER));
        }
        return MAIL_USER;
    }

    private void chown(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        UserPrincipal owner = lookup.lookupPrincipalByName(mailUser);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(mailGroup);
        if (!view.getOwner().equals(owner)) {
            view.setOwner(owner);
            view.setGroup(group);
        }
    }

    private static @Nullable Path executable(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String entry : path.split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, name))) {
                return Path.of(entry, name);
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        String log = "";
        try {
            log = Files.readString(directory().resolve("dovecot.log"));
        } catch (IOException ignored) {
            // no log: the master did not even start
        }
        throw new IllegalStateException("Dovecot did not listen on port " + port + " within 15 s:\n" + log);
    }

    private static String run(List<String> command) {
        return run(command, new byte[0]);
    }

    private static String run(List<String> command, byte[] input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed with exit code " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int runQuietly(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
