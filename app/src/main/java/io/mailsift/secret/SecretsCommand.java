package io.mailsift.secret;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code mailsift secrets generate-key [ID]} prints a new key entry (no database needed);
 * {@code mailsift secrets rekey} re-encrypts every stored secret under {@code mailsift.secrets.active-key}. The
 * rekey runs inside the application context, against the configured database, and exits before any mailbox is
 * watched (runners run before the application is ready).
 */
@Component
public class SecretsCommand implements ApplicationRunner {

    public static final String NAME = "secrets";
    private static final String USAGE = "usage: mailsift secrets generate-key [ID] | mailsift secrets rekey";

    private final AccountSecrets secrets;
    private final ApplicationContext context;

    SecretsCommand(AccountSecrets secrets, ApplicationContext context) {
        this.secrets = secrets;
        this.context = context;
    }

    /**
     * Runs what needs no database; returns the exit code, or -1 when the command needs the application context.
     */
    public static int runWithoutContext(String[] arguments, PrintStream out, PrintStream err) {
        // Options such as --spring.datasource.url=... are for the context, not for this command.
        String[] args = java.util.Arrays.stream(arguments).filter(a -> !a.startsWith("--")).toArray(String[]::new);
        if (args.length >= 2 && args[1].equals("generate-key") && args.length <= 3) {
            String id = args.length == 3 ? args[2] : "key-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
            String line = SecretKeyRing.newKeyLine(id);
            try {
                SecretKeyRing.parse(line, null, "the generated key");
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
            out.println(line);
            return 0;
        }
        if (args.length == 2 && args[1].equals("rekey")) {
            return -1;
        }
        err.println(USAGE);
        return 2;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = arguments.getNonOptionArgs().toArray(String[]::new);
        if (args.length != 2 || !args[0].equals(NAME) || !args[1].equals("rekey")) {
            return;
        }
        long before = secrets.countNotUnderActiveKey();
        AccountSecrets.Reencryption result = secrets.reencryptUnderActiveKey();
        System.out.println("Re-encrypted " + result.moved() + " of " + before + " secrets under the active key; "
                + secrets.countNotUnderActiveKey() + " left under other keys.");
        result.unreadable().forEach(row -> System.err.println("Cannot decrypt the secret of " + row
                + " (its key is not configured, or the row was altered): left as it is; that mailbox must be linked"
                + " again."));
        int exitCode = result.unreadable().isEmpty() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }
}
