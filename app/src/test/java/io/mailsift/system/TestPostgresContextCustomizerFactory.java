package io.mailsift.system;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context of the app a fresh database on the shared {@link TestPostgres} server (registered
 * in {@code META-INF/spring.factories} of the test resources): no test starts the embedded default in
 * {@code ./data}, and no test sees rows another context wrote.
 */
public final class TestPostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new SharedDatabase();
    }

    private record SharedDatabase() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPostgres.Connection connection = TestPostgres.newDatabase();
            // Last: a test's own spring.datasource.url still wins.
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("mailsiftTestPostgres",
                    Map.of("spring.datasource.url", connection.url(),
                            "spring.datasource.username", connection.username(),
                            "spring.datasource.password", connection.password(),
                            // Nor does any test generate a key file in ./data.
                            "mailsift.secrets.keys", TestSecrets.KEYS)));
            // Tests talk plain HTTP to the app: a Secure session cookie would never be sent back. Above the app's
            // application.yml (which says true), below a test's own properties.
            MapPropertySource plainHttp = new MapPropertySource("mailsiftTestPlainHttp",
                    Map.of("server.servlet.session.cookie.secure", "false"));
            var sources = context.getEnvironment().getPropertySources();
            sources.stream().map(PropertySource::getName).filter(name -> name.startsWith("Config resource"))
                    .findFirst()
                    .ifPresentOrElse(name -> sources.addBefore(name, plainHttp), () -> sources.addLast(plainHttp));
        }
    }
}
