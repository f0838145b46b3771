package io.mailsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailsift scan} as a user runs it: through the application's main, in its own JVM. */
class ScanProcessTest {

    @Test
    void shouldScanWithoutStartingSpringAndQuickly(@TempDir Path dir) throws Exception {
        Path mail = Files.writeString(dir.resolve("a.eml"), "From: shop@example.com\nSubject: Hello\n\nHi\n");
        Path classLog = dir.resolve("classes.log");
        long start = System.nanoTime();

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                "io.mailsift.MailsiftApplication", "scan", mail.toString(), dir.resolve("missing.eml").toString())
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).contains(dir.resolve("missing.eml") + ": no such file or directory");
        assertThat(Files.readString(classLog)).doesNotContain("org.springframework.context.",
                "org.springframework.boot.SpringApplication ");
        // The real bound is "well under 2 s" on a developer machine; this one leaves room for a loaded CI host.
        assertThat(took).as("scan took %s", took).isLessThan(Duration.ofSeconds(10));
    }
}
