package io.mailsift.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class RecommendationPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RecommendationProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void shouldDefaultKToTen() {
        context.run(started -> assertThat(started.getBean(RecommendationProperties.class).k()).isEqualTo(10));
    }

    @Test
    void shouldRefuseToStartWithKBelowTwo() {
        context.withPropertyValues("mailsift.recommendations.k=1").run(started -> assertThat(started)
                .getFailure().rootCause().hasMessageContaining("mailsift.recommendations.k must be at least 2"));
    }
}
