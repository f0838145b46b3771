package io.mailsift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class NodePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NodeProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void shouldDefaultToRenewingEveryTenSecondsLeasesOfThirtyAndAnIdPerStart() {
        runner.run(first -> runner.run(second -> {
            NodeProperties node = first.getBean(NodeProperties.class);
            assertThat(node.renewInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(node.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
            assertThat(node.stopWatchersAfter()).isEqualTo(Duration.ofSeconds(20));
            assertThat(node.id()).isNotBlank().isNotEqualTo(second.getBean(NodeProperties.class).id());
        }));
    }

    @Test
    void shouldLeaveTheGuardTimeToStopEvenStuckWatchersBeforeTheLeasesCanExpire() {
        for (Duration renew : new Duration[] {Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMinutes(1)}) {
            Duration tick = MailboxWatchers.guardTick(renew);
            Duration grace = MailboxWatchers.guardStopGrace(renew);
            // A watcher that ignores its stop: the guard's wait, an interrupt, the wait again; noticed one tick late.
            assertThat(tick.plus(grace.multipliedBy(2))).as("renew-interval " + renew).isLessThan(renew);
            assertThat(grace).isPositive();
        }
        assertThat(MailboxWatchers.guardStopGrace(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldKeepAConfiguredId() {
        runner.withPropertyValues("mailsift.node.id=mailsift-1")
                .run(context -> assertThat(context.getBean(NodeProperties.class).id()).isEqualTo("mailsift-1"));
    }

    @Test
    void shouldRefuseALeaseShorterThanTwoRenewals() {
        runner.withPropertyValues("mailsift.node.renew-interval=10s", "mailsift.node.lease-duration=15s")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("mailsift.node.lease-duration")
                        .hasStackTraceContaining("mailsift.node.renew-interval"));
    }

    @Test
    void shouldRefuseARenewIntervalThatIsNotPositive() {
        runner.withPropertyValues("mailsift.node.renew-interval=0s")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("mailsift.node.renew-interval must be positive"));
    }
}
