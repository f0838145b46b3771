package io.mailsift.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.mailsift.connector.Connector;
import io.mailsift.connector.mail.EmailParser;
import io.mailsift.connector.mail.MalformedEmailException;
import io.mailsift.purchases.PurchaseConnector;
import io.mailsift.travel.TravelConnector;

/**
 * Which mails a connector's mean is made of: the CPU time of parsing and of extracting each accepted corpus mail,
 * slowest first. Not a JMH benchmark (no forks, a plain loop), a map for profiling: the JMH figures are the ones to
 * quote.
 *
 * <pre>java -cp bench/jmh/target/benchmarks.jar io.mailsift.bench.jmh.MailCosts travel|purchases [CORPUS] [ROUNDS]</pre>
 */
public final class MailCosts {

    private MailCosts() {
    }

    private record Cost(String mail, int bytes, double parseMicros, double extractMicros, int findings) {
    }

    public static void main(String[] args) throws MalformedEmailException {
        if (args.length == 0 || !List.of("travel", "purchases").contains(args[0])) {
            System.err.println("usage: MailCosts travel|purchases [CORPUS] [ROUNDS]");
            System.exit(2);
        }
        // as the app (JakartaMailDefaults) and the JMH forks name it: else a ServiceLoader lookup per header block
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        boolean travel = args[0].equals("travel");
        Connector connector = travel ? new TravelConnector() : new PurchaseConnector();
        String corpus = args.length > 1 ? args[1] : travel ? "bench/travel-corpus" : "bench/purchase-corpus";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        EmailParser parser = new EmailParser();
        List<CorpusMail> mails = BenchCorpus.read(BenchCorpus.locate(corpus), parser).stream()
                .filter(mail -> connector.interestedIn(mail.email().headers())).toList();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] parseNanos = new long[mails.size()];
        long[] extractNanos = new long[mails.size()];
        // Round-robin as in the benchmarks, so that no mail is measured before the JIT has seen the others; the
        // first fifth of the rounds is warm-up.
        for (int round = 0; round < rounds; round++) {
            boolean measured = round >= rounds / 5;
            for (int i = 0; i < mails.size(); i++) {
                long start = threads.getCurrentThreadCpuTime();
                var email = parser.parse(mails.get(i).raw());
                long parsed = threads.getCurrentThreadCpuTime();
                connector.extract(email);
                long extracted = threads.getCurrentThreadCpuTime();
                if (measured) {
                    parseNanos[i] += parsed - start;
                    extractNanos[i] += extracted - parsed;
                }
            }
        }
        int measuredRounds = rounds - rounds / 5;
        List<Cost> costs = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            CorpusMail mail = mails.get(i);
            costs.add(new Cost(mail.name(), mail.raw().length, parseNanos[i] / 1e3 / measuredRounds,
                    extractNanos[i] / 1e3 / measuredRounds, connector.extract(mail.email()).size()));
        }
        costs.sort(Comparator.comparingDouble((Cost c) -> c.parseMicros() + c.extractMicros()).reversed());
        double parseTotal = costs.stream().mapToDouble(Cost::parseMicros).sum();
        double extractTotal = costs.stream().mapToDouble(Cost::extractMicros).sum();
        System.out.printf(Locale.ROOT, "%s: %d mails, %d rounds (%d measured), thread CPU time per mail: parse %.0f µs,"
                        + " extract %.0f µs (means)%n", args[0], mails.size(), rounds, measuredRounds,
                parseTotal / mails.size(), extractTotal / mails.size());
        System.out.println("| mail | KB | parse µs | extract µs | share of parse + extract | findings |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (Cost cost : costs) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f%% | %d |%n", cost.mail(),
                    cost.bytes() / 1024.0, cost.parseMicros(), cost.extractMicros(),
                    100 * (cost.parseMicros() + cost.extractMicros()) / (parseTotal + extractTotal), cost.findings());
        }
    }
}
