package io.mailsift.travel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.mailsift.connector.Email;
import org.junit.jupiter.api.Test;

class ScratchSpeedTest {
    @Test
    void speed() throws Exception {
        Path folder = Path.of(getClass().getResource("/mails").toURI());
        List<Email> mails;
        try (var files = Files.walk(folder)) {
            mails = files.filter(f -> f.toString().endsWith(".eml"))
                    .map(f -> Mails.parsed(folder.relativize(f).toString().startsWith("dev") ? "mails/" + folder.relativize(f) : "mails/" + folder.relativize(f)))
                    .toList();
        }
        TravelConnector c = new TravelConnector();
        for (int i = 0; i < 200; i++) for (Email m : mails) c.extract(m);
        long t = System.nanoTime();
        int n = 0;
        for (int i = 0; i < 500; i++) for (Email m : mails) { c.extract(m); n++; }
        double s = (System.nanoTime() - t) / 1e9;
        System.out.println("SPEED " + n + " mails in " + s + " s = " + (n / s) + " mails/s");
    }
}
