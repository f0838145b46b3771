package io.mailsift;

import java.util.Arrays;

import io.mailsift.secret.SecretsCommand;
import io.mailsift.user.UserCommand;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. {@code mailsift} runs the service; {@code mailsift scan PATH...} runs every connector offline over
 * mail files (no database, no server); {@code mailsift demo} runs the service with an in-process IMAP server seeded
 * with sample mail; {@code mailsift secrets generate-key|rekey} manages the keys mailbox secrets are encrypted with;
 * {@code mailsift user add NAME [--admin]} creates a local user.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MailsiftApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("scan")) {
            System.exit(io.mailsift.cli.ScanCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication application = new SpringApplication(MailsiftApplication.class);
        if (args.length > 0 && args[0].equals(SecretsCommand.NAME)) {
            int code = SecretsCommand.runWithoutContext(args, System.out, System.err);
            if (code >= 0) {
                System.exit(code);
            }
            administrativeCommand(application);
        }
        if (args.length > 0 && args[0].equals(UserCommand.NAME)) {
            administrativeCommand(application);
        }
        if (args.length > 0 && args[0].equals("demo")) {
            application.setAdditionalProfiles("demo");
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        application.run(args);
    }

    /** An administrative command: the database, no web server, no watchers (it exits before they start). */
    private static void administrativeCommand(SpringApplication application) {
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
    }
}
