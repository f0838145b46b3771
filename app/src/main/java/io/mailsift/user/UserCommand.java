package io.mailsift.user;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code mailsift user add NAME [--admin] [--password-file=FILE]}: creates a local user in the configured database
 * (or gives a password to an existing user without one, such as {@code local}, the owner of configured accounts).
 * The password comes from the file, else from the terminal (asked twice) or the first line of standard input; it is
 * never taken from the command line, where other users of the machine could read it. Runs inside the application
 * context and exits before any mailbox is watched (runners run before the application is ready).
 */
@Component
public class UserCommand implements ApplicationRunner {

    public static final String NAME = "user";
    static final String USAGE = "usage: mailsift user add NAME [--admin] [--password-file=FILE]"
            + " (the password is read from the file, the terminal or standard input)";

    private final Users users;
    private final ApplicationContext context;

    UserCommand(Users users, ApplicationContext context) {
        this.users = users;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = arguments.getNonOptionArgs();
        if (args.isEmpty() || !args.getFirst().equals(NAME)) {
            return;
        }
        int exitCode = add(args, arguments);
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }

    private int add(List<String> args, ApplicationArguments arguments) {
        if (args.size() != 3 || !args.get(1).equals("add")) {
            System.err.println(USAGE);
            return 2;
        }
        String username = args.get(2);
        boolean admin = arguments.containsOption("admin");
        List<String> files = arguments.getOptionValues("password-file");
        try {
            String password = files == null || files.isEmpty() ? passwordFromTerminalOrStdin()
                    : Files.readString(Path.of(files.getFirst()), StandardCharsets.UTF_8).stripTrailing();
            if (password == null) {
                System.err.println("No password given. " + USAGE);
                return 2;
            }
            long id = users.createLocal(username, password, admin);
            System.out.println("User '" + username.strip() + "' (id " + id + ")" + (admin ? ", an admin," : "")
                    + " can sign in now.");
            return 0;
        } catch (Users.UserCreationException e) {
            System.err.println("Cannot add user '" + username + "': " + e.getMessage() + ".");
            return 1;
        } catch (IOException e) {
            System.err.println("Cannot read the password: " + e.getMessage());
            return 1;
        }
    }

    private static @Nullable String passwordFromTerminalOrStdin() throws IOException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("Password (at least %d characters): ", Users.MIN_PASSWORD_LENGTH);
            char[] again = console.readPassword("Same password again: ");
            try {
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    System.err.println("The two passwords differ.");
                    return null;
                }
                return new String(first);
            } finally {
                Arrays.fill(first == null ? new char[0] : first, ' ');
                Arrays.fill(again == null ? new char[0] : again, ' ');
            }
        }
        // Standard input is not closed: System.in belongs to the JVM.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null || line.isEmpty() ? null : line;
    }
}
