package io.mailsift.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Demo mode: an in-process IMAP server (GreenMail) seeded with sample travel and purchase mails, and an SMTP port to
 * drop new mail into the demo mailbox. The account pointing at it is declared in {@code application-demo.yml}, so
 * the demo exercises exactly the path a real mailbox takes.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoMailServer {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail demoGreenMail(DemoProperties properties) throws IOException, MessagingException {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.imapPort(), properties.bindAddress(), ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(properties.smtpPort(), properties.bindAddress(), ServerSetup.PROTOCOL_SMTP)});
        greenMail.start();
        GreenMailUser user = greenMail.setUser(properties.address(), properties.username(), properties.password());
        int seeded = seed(user);
        log.info("Demo IMAP server on {}:{} (user '{}'), SMTP on {}:{} for {}; {} sample mails seeded",
                properties.bindAddress(), properties.imapPort(), properties.username(), properties.bindAddress(),
                properties.smtpPort(), properties.address(), seeded);
        return greenMail;
    }

    private static int seed(GreenMailUser user) throws IOException, MessagingException {
        Resource[] mails = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/mail/*.eml");
        Arrays.sort(mails, Comparator.comparing(Resource::getFilename, Comparator.nullsLast(String::compareTo)));
        Session session = Session.getInstance(new Properties());
        for (Resource mail : mails) {
            try (InputStream in = mail.getInputStream()) {
                user.deliver(new MimeMessage(session, in));
            }
        }
        return mails.length;
    }
}
