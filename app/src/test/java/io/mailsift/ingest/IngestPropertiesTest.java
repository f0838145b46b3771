package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void shouldDefaultToAnIdleWellUnderTheServersLimitAndA25MegabyteCap() {
        runner.run(context -> {
            IngestProperties settings = context.getBean(IngestProperties.class);
            assertThat(settings.idleInterval()).isLessThan(Duration.ofMinutes(29));
            assertThat(settings.readTimeout()).isGreaterThan(settings.idleInterval());
            assertThat(settings.maxMessageSize()).isEqualTo(DataSize.ofMegabytes(25));
            assertThat(settings.backoffMax()).isGreaterThanOrEqualTo(settings.backoffInitial());
        });
    }

    @Test
    void shouldRefuseAReadTimeoutThatAnIdleWouldRunInto() {
        runner.withPropertyValues("mailsift.ingest.idle-interval=10m", "mailsift.ingest.read-timeout=1m")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("mailsift.ingest.read-timeout")
                        .hasStackTraceContaining("mailsift.ingest.idle-interval"));
    }
}
