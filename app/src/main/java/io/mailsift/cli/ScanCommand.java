package io.mailsift.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.mailsift.connector.Email;
import io.mailsift.connector.Finding;
import io.mailsift.connector.ReadScope;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.connector.mail.MalformedEmailException;
import io.mailsift.registry.ConnectorRegistry;
import io.mailsift.registry.ConnectorRegistry.RegisteredConnector;
import io.mailsift.system.JakartaMailDefaults;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mailsift scan [--plugins DIR] PATH...}: runs every connector offline over mail files and prints findings as
 * JSON lines, for connector developers. Starts no Spring context, no database and no server.
 *
 * <p>Each connector is run as the service runs it: offered the headers first ({@code interestedIn}), given only the
 * headers when it declares {@link ReadScope#HEADERS}, and isolated, so that one that throws is reported on stderr and
 * the others still run.
 */
public final class ScanCommand {

    static final int OK = 0;
    static final int UNREADABLE_INPUT = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: mailsift scan [--plugins DIR] PATH...
            Runs every connector offline over mail files and prints one JSON object per finding per line:
              {"source": ..., "connector": ..., "type": ..., "key": ..., "data": {...}}
            PATH is an .eml file, an mbox file (path#n names its n-th message), a maildir, or a directory
            searched recursively for all three.
              --plugins DIR  also load the connector jars in DIR
              --help         print this help
            Exit status: 0 when every input was read, 1 when some could not be, 2 on a usage error.
            """;

    /** Turns raw bytes into the connector's view of a message; the service's {@link EmailParser} in production. */
    @FunctionalInterface
    interface MessageParser {
        Email parse(byte[] raw) throws MalformedEmailException;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final MessageParser parser;
    private final ClassLoader classLoader;
    private final JsonMapper json = JsonMapper.builder().build();

    ScanCommand(PrintStream out, PrintStream err, MessageParser parser, ClassLoader classLoader) {
        this.out = out;
        this.err = err;
        this.parser = parser;
        this.classLoader = classLoader;
    }

    /** Runs the scan with the process's streams; returns the process exit code. */
    public static int run(String[] args) {
        // The registry logs through System.Logger (java.util.logging here, without Spring): one line per record.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        JakartaMailDefaults.nameTheStreamProvider();
        // JSON lines are UTF-8 whatever the console's encoding.
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false,
                StandardCharsets.UTF_8);
        EmailParser emailParser = new EmailParser();
        try {
            return new ScanCommand(out, System.err, emailParser::parse, ScanCommand.class.getClassLoader())
                    .execute(args);
        } finally {
            out.flush();
        }
    }

    /** Runs the scan; returns the exit code. */
    int execute(String[] args) {
        Path pluginsDir = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "--plugins" -> {
                    if (i + 1 == args.length) {
                        return usageError("--plugins needs a directory");
                    }
                    pluginsDir = Path.of(args[++i]);
                    if (!Files.isDirectory(pluginsDir)) {
                        return usageError("plugins directory not found: " + pluginsDir);
                    }
                }
                case "--" -> {
                    for (i++; i < args.length; i++) {
                        paths.add(Path.of(args[i]));
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        return usageError("unknown option " + arg);
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (paths.isEmpty()) {
            return usageError("no PATH given");
        }
        List<RegisteredConnector> connectors = ConnectorRegistry.load(classLoader, pluginsDir).registered();
        if (connectors.isEmpty()) {
            err.println("scan: no connector found on the class path"
                    + (pluginsDir == null ? "" : " or in " + pluginsDir) + "; nothing will be found");
        }
        Run run = new Run(connectors);
        for (Path path : paths) {
            MailSource.visit(path, run);
        }
        out.flush();
        err.printf("scan: %d message(s), %d finding(s), %d connector failure(s), %d unreadable input(s)%n",
                run.messages, run.findings, run.connectorFailures, run.unreadableInputs);
        return run.unreadableInputs == 0 ? OK : UNREADABLE_INPUT;
    }

    private int usageError(String problem) {
        err.println("scan: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /** One scan over all paths: runs the connectors on each message and counts what happened. */
    private final class Run implements MailSource.Visitor {

        private final List<RegisteredConnector> connectors;
        private int messages;
        private int findings;
        private int connectorFailures;
        private int unreadableInputs;

        Run(List<RegisteredConnector> connectors) {
            this.connectors = connectors;
        }

        @Override
        public void message(String source, byte[] raw) {
            messages++;
            Email email;
            try {
                email = parser.parse(raw);
            } catch (MalformedEmailException | RuntimeException e) {
                unreadable(source, "not a readable message: " + e.getMessage());
                return;
            }
            for (RegisteredConnector connector : connectors) {
                runConnector(source, email, connector);
            }
        }

        @Override
        public void unreadable(String source, String reason) {
            unreadableInputs++;
            err.println("scan: " + source + ": " + reason);
        }

        private void runConnector(String source, Email email, RegisteredConnector registered) {
            List<Finding> findings;
            try {
                if (!registered.connector().interestedIn(email.headers())) {
                    return;
                }
                Email view = registered.descriptor().reads() == ReadScope.HEADERS ? email.headersOnly() : email;
                findings = registered.connector().extract(view);
                if (findings == null) {
                    throw new IllegalStateException("extract returned null instead of a list");
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                connectorFailures++;
                err.println("scan: " + source + ": connector '" + registered.id() + "' failed: " + e
                        + where(e));
                return;
            }
            for (Finding finding : findings) {
                if (finding != null) {
                    this.findings++;
                    out.println(json.writeValueAsString(line(source, registered.id(), finding)));
                }
            }
        }
    }

    private static Map<String, Object> line(String source, String connector, Finding finding) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", source);
        line.put("connector", connector);
        line.put("type", finding.type());
        line.put("key", finding.key());
        line.put("data", finding.data());
        return line;
    }

    /** The frame that threw, so a connector developer can go straight to the line. */
    private static String where(@Nullable Throwable e) {
        if (e == null || e.getStackTrace().length == 0) {
            return "";
        }
        return " (at " + e.getStackTrace()[0] + ")";
    }
}
