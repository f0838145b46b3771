import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import io.mailsift.connector.Connector;
import io.mailsift.connector.Email;
import io.mailsift.connector.mail.EmailParser;

/**
 * Where the backfill benchmark's CPU goes inside the connectors: parses every message of a maildir (the generated
 * benchmark mailbox), offers it to each connector's header prefilter and times {@code extract} of every connector
 * that accepts it, summed per connector and kind of mail. One thread, several passes over the mailbox (the figures
 * are the last pass's, with the JIT warm), no server and no database: run by {@code bench/connector-cost.sh}.
 *
 * <p>The kind of a message is read from its headers the way {@code Bench.java generate} writes them: a
 * {@code List-Unsubscribe} header is a newsletter, a {@code Re:} subject personal mail, a sender whose address starts
 * with {@code bookings@}, {@code reservations@}, {@code orders@} or {@code shipping@} a confirmation (flight, hotel,
 * order or parcel, all with JSON-LD), anything else a notification.
 */
class ConnectorCost {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ConnectorCost MAILDIR_CUR PASSES");
            System.exit(2);
        }
        // As the app sets it at start-up (JakartaMailDefaults): no ServiceLoader lookup per part.
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        List<Connector> connectors = new ArrayList<>();
        ServiceLoader.load(Connector.class).forEach(connectors::add);
        List<Path> files;
        try (var listing = Files.list(Path.of(args[0]))) {
            files = listing.sorted().toList();
        }
        EmailParser parser = new EmailParser();
        int passes = Integer.parseInt(args[1]);
        Map<String, long[]> totals = new TreeMap<>();
        long parseNanos = 0;
        for (int pass = 1; pass <= passes; pass++) {
            totals.clear();
            parseNanos = 0;
            for (Path file : files) {
                byte[] raw = Files.readAllBytes(file);
                String kind = kind(new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1));
                long start = System.nanoTime();
                Email email = parser.parse(raw);
                long parsed = System.nanoTime();
                boolean anyone = false;
                for (Connector connector : connectors) {
                    if (!connector.interestedIn(email.headers())) {
                        continue;
                    }
                    anyone = true;
                    long before = System.nanoTime();
                    int found = connector.extract(email).size();
                    long after = System.nanoTime();
                    long[] total = totals.computeIfAbsent(connector.descriptor().id() + "\t" + kind, k -> new long[3]);
                    total[0]++;
                    total[1] += after - before;
                    total[2] += found;
                }
                if (anyone) {
                    parseNanos += parsed - start;
                }
            }
        }
        System.out.println("| connector | kind of mail | mails read | extract, ms per mail | extract, ms in all | findings |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");
        long all = 0;
        for (Map.Entry<String, long[]> entry : totals.entrySet()) {
            String[] key = entry.getKey().split("\t");
            long[] total = entry.getValue();
            all += total[1];
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.0f | %d |%n", key[0], key[1], total[0],
                    total[1] / 1e6 / total[0], total[1] / 1e6, total[2]);
        }
        System.out.printf(Locale.ROOT, "%nextract in all: %.0f ms; MIME parse of the mails some connector read: %.0f ms"
                + " (pass %d of %d, %d messages)%n", all / 1e6, parseNanos / 1e6, passes, passes, files.size());
    }

    private static String kind(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("\nlist-unsubscribe:")) {
            return "newsletter";
        }
        if (lower.contains("\nsubject: re:")) {
            return "personal";
        }
        for (String sender : List.of("bookings@", "reservations@", "orders@", "shipping@")) {
            if (lower.contains("<" + sender)) {
                return "confirmation (JSON-LD)";
            }
        }
        return "notification";
    }
}
