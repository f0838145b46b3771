package io.mailsift.system;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
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

    private static final String TEST_KEY = "test:" + java.util.Base64.getEncoder().encodeToString(randomKey());

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

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
                            "mailsift.secrets.keys", TEST_KEY)));
        }
    }
}
