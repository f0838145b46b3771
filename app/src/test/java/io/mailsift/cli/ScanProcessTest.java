package io.mailsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mailsift scan} as a user runs it: through the application's main, in its own JVM, with the real parser and
 * the connectors shipped with the app.
 */
class ScanProcessTest {

    private static final String FLIGHT = """
            From: Gull Airways <noreply@gull-air.example>
            To: traveller@example.org
            Subject: Booking ZX81QP confirmed
            Date: Tue, 01 Dec 2026 08:00:00 +0000
            Message-ID: <zx81qp@gull-air.example>
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "FlightReservation", "reservationNumber": "ZX81QP",
             "underName": {"@type": "Person", "name": "Sam Doe"},
             "reservationFor": {"@type": "Flight", "flightNumber": "204",
               "airline": {"@type": "Airline", "name": "Gull Airways", "iataCode": "GU"},
               "departureAirport": {"@type": "Airport", "iataCode": "OSL"},
               "departureTime": "2027-01-10T07:15:00+01:00",
               "arrivalAirport": {"@type": "Airport", "iataCode": "BGO"},
               "arrivalTime": "2027-01-10T08:10:00+01:00"}}
            </script></head><body><p>See you on board.</p>
            >From the crew: have a good flight.</body></html>
            """;

    private static final String ORDER = """
            From: Pine Books <orders@pine-books.example>
            To: reader@example.org
            Subject: Order PB-1042 received
            Date: Tue, 01 Dec 2026 09:00:00 +0000
            Message-ID: <pb-1042@pine-books.example>
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "Order", "orderNumber": "PB-1042",
             "merchant": {"@type": "Organization", "name": "Pine Books"},
             "orderDate": "2026-12-01T09:00:00Z", "priceCurrency": "EUR", "price": "18.50",
             "acceptedOffer": {"@type": "Offer", "itemOffered": {"@type": "Book", "name": "Field Guide to Moss"},
               "price": "18.50", "priceCurrency": "EUR"}}
            </script></head><body><p>Thanks for your order.</p></body></html>
            """;

    @Test
    void shouldScanAnMboxWithTheShippedConnectorsWithoutStartingSpring(@TempDir Path dir) throws Exception {
        Path mbox = Files.writeString(dir.resolve("inbox.mbox"), "From noreply@gull-air.example Tue Dec  1 08:00:00 2026\n"
                + FLIGHT + "\nFrom orders@pine-books.example Tue Dec  1 09:00:00 2026\n" + ORDER);
        Path missing = dir.resolve("missing.eml");
        Path classLog = dir.resolve("classes.log");
        long start = System.nanoTime();

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                "io.mailsift.MailsiftApplication", "scan", mbox.toString(), missing.toString())
                .start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(process.exitValue()).as(stderr.get()).isEqualTo(1);
        assertThat(stderr.get()).contains(missing + ": no such file or directory");
        List<Map<String, Object>> findings = stdout.lines().map(ScanProcessTest::parse).toList();
        assertThat(findings).extracting(f -> f.get("source"), f -> f.get("connector"), f -> f.get("type"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple(mbox + "#1", "travel", "FlightReservation"),
                        org.assertj.core.groups.Tuple.tuple(mbox + "#2", "purchases", "Order"));
        assertThat(Files.readString(classLog)).doesNotContain("org.springframework.context.",
                "org.springframework.boot.SpringApplication ");
        // The real bound is "well under 2 s" on an idle developer machine; this one leaves room for a busy CI host.
        assertThat(took).as("scan took %s", took).isLessThan(Duration.ofSeconds(15));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String line) {
        return JsonMapper.builder().build().readValue(line, new TypeReference<Map<String, Object>>() {
        });
    }
}
