package io.mailsift;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. {@code mailsift} runs the service; {@code mailsift scan PATH...} runs every connector offline over
 * mail files (no database, no server); {@code mailsift demo} runs the service with an in-process IMAP server seeded
 * with sample mail.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MailsiftApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("scan")) {
            System.exit(io.mailsift.cli.ScanCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication application = new SpringApplication(MailsiftApplication.class);
        if (args.length > 0 && args[0].equals("demo")) {
            application.setAdditionalProfiles("demo");
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        application.run(args);
    }
}
