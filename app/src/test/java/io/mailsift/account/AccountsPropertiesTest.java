package io.mailsift.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AccountsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccountsProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void shouldHaveNoAccountsByDefault() {
        runner.run(context -> assertThat(context.getBean(AccountsProperties.class).accounts()).isEmpty());
    }

    @Test
    void shouldDefaultToTlsOnPort993AndTheInbox() {
        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].host=imap.example.org",
                "mailsift.accounts[0].username=me").run(context -> {
                    ConfiguredAccount account = context.getBean(AccountsProperties.class).accounts().getFirst();
                    assertThat(account.security()).isEqualTo(Security.TLS);
                    assertThat(account.port()).isEqualTo(993);
                    assertThat(account.folders()).containsExactly("INBOX");
                });
    }

    @Test
    void shouldDefaultThePortTo143ForStarttlsAndNone() {
        runner.withPropertyValues("mailsift.accounts[0].name=a", "mailsift.accounts[0].host=h",
                "mailsift.accounts[0].username=u", "mailsift.accounts[0].security=starttls",
                "mailsift.accounts[1].name=b", "mailsift.accounts[1].host=h", "mailsift.accounts[1].username=u",
                "mailsift.accounts[1].security=none", "mailsift.accounts[1].port=3143").run(context -> {
                    var accounts = context.getBean(AccountsProperties.class).accounts();
                    assertThat(accounts.get(0).port()).isEqualTo(143);
                    assertThat(accounts.get(0).security()).isEqualTo(Security.STARTTLS);
                    assertThat(accounts.get(1).port()).isEqualTo(3143);
                });
    }

    @Test
    void shouldBindAccountsFromEnvironmentVariables() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.<String, Object>of(
                        "MAILSIFT_ACCOUNTS_0_NAME", "work",
                        "MAILSIFT_ACCOUNTS_0_HOST", "outlook.office365.com",
                        "MAILSIFT_ACCOUNTS_0_USERNAME", "me@example.org",
                        "MAILSIFT_ACCOUNTS_0_PASSWORD", "s3cret",
                        "MAILSIFT_ACCOUNTS_0_FOLDERS", "INBOX,Travel"))))
                .run(context -> {
                    ConfiguredAccount account = context.getBean(AccountsProperties.class).accounts().getFirst();
                    assertThat(account.host()).isEqualTo("outlook.office365.com");
                    assertThat(account.password()).isEqualTo("s3cret");
                    assertThat(account.folders()).containsExactly("INBOX", "Travel");
                });
    }

    @Test
    void shouldFailStartupNamingThePropertyWhenSecurityIsUnknown() {
        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].host=h",
                "mailsift.accounts[0].username=u", "mailsift.accounts[0].security=ssl")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("mailsift.accounts[0].security"));
    }

    @Test
    void shouldFailStartupWhenTheHostIsMissing() {
        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].username=u")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("mailsift.accounts[].host is required"));
    }

    @Test
    void shouldFailStartupWhenTwoAccountsShareAName() {
        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].host=h",
                "mailsift.accounts[0].username=u", "mailsift.accounts[1].name=home", "mailsift.accounts[1].host=h",
                "mailsift.accounts[1].username=u")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("'home' is used twice"));
    }

    @Test
    void shouldTrustTheSystemTrustStoreByDefault() {
        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].host=h",
                "mailsift.accounts[0].username=u").run(context -> assertThat(
                        context.getBean(AccountsProperties.class).accounts().getFirst().tlsTrust())
                        .isEqualTo(TlsTrust.SYSTEM));
    }

    @Test
    void shouldReadTheCertificatesOfPemTrustAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path pem = dir.resolve("server.pem");
        java.nio.file.Files.writeString(pem, SELF_SIGNED);

        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].host=h",
                "mailsift.accounts[0].username=u", "mailsift.accounts[0].tls-trust=pem:" + pem).run(context -> {
                    TlsTrust trust = context.getBean(AccountsProperties.class).accounts().getFirst().tlsTrust();
                    assertThat(trust.mode()).isEqualTo(TlsTrust.Mode.PEM);
                    assertThat(trust.certificates()).singleElement().satisfies(certificate -> assertThat(
                            certificate.getSubjectX500Principal().getName()).isEqualTo("CN=mailsift-test"));
                });
    }

    @Test
    void shouldFailStartupNamingThePropertyWhenThePemFileIsMissing() {
        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].host=h",
                "mailsift.accounts[0].username=u", "mailsift.accounts[0].tls-trust=pem:/no/such/server.pem")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("mailsift.accounts[0].tls-trust")
                        .hasStackTraceContaining("tls-trust file /no/such/server.pem cannot be read"));
    }

    @Test
    void shouldFailStartupWhenTheTrustIsUnknown() {
        runner.withPropertyValues("mailsift.accounts[0].name=home", "mailsift.accounts[0].host=h",
                "mailsift.accounts[0].username=u", "mailsift.accounts[0].tls-trust=any")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("tls-trust must be 'system', 'pem:<path to a PEM file>' or "
                                + "'insecure', was 'any'"));
    }

    @Test
    void shouldNeverShowThePasswordInToString() {
        ConfiguredAccount account = new ConfiguredAccount("home", "imap.example.org", 0, Security.TLS, "me",
                "hunter2", java.util.List.of("INBOX"));

        assertThat(account.toString()).doesNotContain("hunter2").contains("password=******");
        assertThat(new RegisteredAccount(1, 1, account).toString()).doesNotContain("hunter2");
    }

    /** A self-signed certificate (CN=mailsift-test), only parsed here. */
    private static final String SELF_SIGNED = """
            -----BEGIN CERTIFICATE-----
            MIIBhjCCASugAwIBAgIUOk7rxUTBYvMozlGCPuV+btC5z00wCgYIKoZIzj0EAwIw
            GDEWMBQGA1UEAwwNbWFpbHNpZnQtdGVzdDAeFw0yNjExMzAwMTA0MzJaFw0zNjEx
            MjcwMTA0MzJaMBgxFjAUBgNVBAMMDW1haWxzaWZ0LXRlc3QwWTATBgcqhkjOPQIB
            BggqhkjOPQMBBwNCAAT8/tgG0DxOfFf30Oy+Ysc2GUAOxxi2mGjO+NCAAnJRL4gm
            oWe2nyOgsEfKVmNKu3qgaqmOAw+jY0W8zAqjnK5Ho1MwUTAdBgNVHQ4EFgQUIjGu
            Rl5SA3u2xIzb15xZkoUzMnIwHwYDVR0jBBgwFoAUIjGuRl5SA3u2xIzb15xZkoUz
            MnIwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA7dW5hWpmKpXy
            5EfpO6TZl5PNxmYzJNPTrBurwqIWk58CIQCH+8A7ZQ4GbjUHkOqNlLvJgpx1hZk2
            1xzmW2UbgvJgfw==
            -----END CERTIFICATE-----
            """;
}
