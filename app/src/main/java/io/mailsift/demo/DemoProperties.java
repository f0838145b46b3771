package io.mailsift.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo mail server ({@code mailsift.demo.*}), used only with the {@code demo} profile.
 *
 * @param bindAddress where the IMAP and SMTP ports listen; default {@code 127.0.0.1} (use {@code 0.0.0.0} in a
 *                    container)
 * @param imapPort    IMAP port; default 3143
 * @param smtpPort    SMTP port to drop new mail in; default 3025
 * @param address     the demo mailbox's address; default {@code demo@mailsift.local}
 * @param username    IMAP login; default {@code demo}
 * @param password    IMAP password; default {@code demo} (a throwaway in-memory server)
 */
@ConfigurationProperties("mailsift.demo")
record DemoProperties(
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("3143") int imapPort,
        @DefaultValue("3025") int smtpPort,
        @DefaultValue("demo@mailsift.local") String address,
        @DefaultValue("demo") String username,
        @DefaultValue("demo") String password) {
}
