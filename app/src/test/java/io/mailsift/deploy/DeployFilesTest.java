package io.mailsift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.sun.net.httpserver.HttpServer;

/** The deploy files are code too: the compose file must validate and the image must keep its shape. */
class DeployFilesTest {

    private static Path root;
    private static List<String> dockerfile;

    @BeforeAll
    static void findRepositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with docker-compose.yml above " + Path.of("").toAbsolutePath())
                .isNotNull();
        root = dir;
        dockerfile = Files.readAllLines(root.resolve("deploy/Dockerfile")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void composeFileShouldBeAcceptedByDockerCompose() throws Exception {
        Assumptions.assumeTrue(onPath("docker-compose"),
                "docker-compose is not on PATH, so docker-compose.yml is not validated here"
                        + " (apt-get install -y docker-compose validates without a Docker daemon)");

        Process process = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeShouldStartTheAppOnlyOnceAHealthyPostgresIsUp() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, Object> app = (Map<String, Object>) services.get("app");

        assertThat(postgres.get("image")).isEqualTo("postgres:17");
        assertThat(postgres.get("healthcheck").toString()).contains("pg_isready");
        assertThat((List<String>) postgres.get("volumes")).anyMatch(v -> v.startsWith("postgres-data:"));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("postgres-data");

        assertThat((Map<String, Object>) app.get("build")).containsEntry("context", ".")
                .containsEntry("dockerfile", "deploy/Dockerfile");
        assertThat((Map<String, Object>) app.get("depends_on"))
                .containsEntry("postgres", Map.of("condition", "service_healthy"));
        assertThat((Map<String, Object>) app.get("environment")).containsKeys("SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "MAILSIFT_ACCOUNTS_0_HOST",
                "MAILSIFT_ACCOUNTS_0_PASSWORD");
        assertThat(app.get("healthcheck").toString()).contains("/actuator/health");
        assertThat((List<String>) app.get("ports")).anyMatch(p -> p.endsWith(":8080"));
    }

    @Test
    void dockerfileShouldBuildInOneStageAndRunALayeredJarAsANonRootUserInAnother() {
        assertThat(dockerfile).filteredOn(line -> line.startsWith("FROM ")).containsExactly(
                "FROM maven:3.9-eclipse-temurin-25 AS build", "FROM eclipse-temurin:25-jre");
        assertThat(dockerfile).anyMatch(line -> line.contains("./mvnw -B -DskipTests package -pl app -am"));
        assertThat(dockerfile).anyMatch(line -> line.contains(
                "-Djarmode=tools -jar app/target/mailsift.jar extract --layers --launcher"));
        assertThat(dockerfile).filteredOn(line -> line.startsWith("COPY --from=build /layers/")).containsExactly(
                "COPY --from=build /layers/dependencies/ ./",
                "COPY --from=build /layers/spring-boot-loader/ ./",
                "COPY --from=build /layers/snapshot-dependencies/ ./",
                "COPY --from=build /layers/application/ ./");
        assertThat(dockerfile).filteredOn(line -> line.startsWith("USER ")).singleElement()
                .satisfies(user -> assertThat(user).isNotIn("USER root", "USER 0", "USER 0:0"));
        assertThat(dockerfile).contains("EXPOSE 8080",
                "ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        assertThat(dockerfile).anyMatch(line -> line.startsWith("HEALTHCHECK"));
        assertThat(dockerfile).anyMatch(line -> line.contains("/actuator/health"));
    }

    @Test
    void healthProbeShouldPassOnlyWhileActuatorReportsUp(@TempDir Path classes) throws Exception {
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                root.resolve("deploy/HealthCheck.java").toString());
        assertThat(compiled).isZero();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] health = {"{\"status\":\"UP\"}"};
        server.createContext("/actuator/health", exchange -> {
            byte[] body = health[0].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(health[0].contains("UP") ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health";
            assertThat(probe(classes, url)).isZero();

            health[0] = "{\"status\":\"DOWN\"}";
            assertThat(probe(classes, url)).isEqualTo(1);

            server.stop(0);
            assertThat(probe(classes, url)).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    private static int probe(Path classes, String url) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), "HealthCheck", url).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assumeThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
