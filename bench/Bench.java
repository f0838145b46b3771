import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's own tools, one source file run with {@code java bench/Bench.java COMMAND ...} (no build needed).
 *
 * <ul>
 * <li>{@code generate MAILDIR COUNT SEED} writes COUNT realistic messages straight into MAILDIR/cur: about 10% travel
 * and purchase mail with schema.org JSON-LD, the rest newsletters, personal mail and notifications of 2–60 KB, some
 * multipart with small attachments. Reproducible: the same seed gives the same bytes (dates are relative to a fixed
 * day, not to today). Prints how many messages of each kind it wrote.</li>
 * <li>{@code append PORT USERS COUNT INTERVAL_MS SEED RUN_ID OUT_CSV} delivers COUNT flight confirmations with IMAP
 * APPEND to 127.0.0.1:PORT, each to a random user among user0..user(USERS-1), one every INTERVAL_MS, and writes
 * {@code message_id,user,appended_at_ms} per delivery (the time the server's tagged OK arrived).</li>
 * <li>{@code latency DELIVERIES_CSV FINDINGS_CSV} joins deliveries with {@code message_id,created_at_ms} rows read
 * from the findings table and prints count, missing, p50, p90, p99 and max of created_at - appended_at.</li>
 * </ul>
 */
class Bench {

    /** Mail dates spread back from this day; fixed so the generated mailbox is the same on every run. */
    private static final ZonedDateTime NEWEST = ZonedDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "append" -> append(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Long.parseLong(args[4]), Long.parseLong(args[5]), args[6], Path.of(args[7]));
            case "latency" -> latency(Path.of(args[1]), Path.of(args[2]));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java Bench.java generate MAILDIR COUNT SEED
                       java Bench.java append PORT USERS COUNT INTERVAL_MS SEED RUN_ID OUT_CSV
                       java Bench.java latency DELIVERIES_CSV FINDINGS_CSV""");
        System.exit(2);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // generate

    private static void generate(Path maildir, int count, long seed) throws IOException {
        Path cur = maildir.resolve("cur");
        Files.createDirectories(cur);
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        Random random = new Random(seed);
        MailWriter mail = new MailWriter(random);
        Map<String, Integer> kinds = new HashMap<>();
        long totalBytes = 0;
        for (int i = 0; i < count; i++) {
            // Oldest first, a few hours apart, so that UID order is date order as in a real mailbox.
            ZonedDateTime date = NEWEST.minusMinutes((long) (count - i) * 40 + random.nextInt(30));
            int roll = random.nextInt(100);
            String kind;
            String message;
            if (roll < 10) {
                kind = switch (random.nextInt(5)) {
                    case 0, 1 -> "flight";
                    case 2 -> "hotel";
                    case 3 -> "order";
                    default -> "parcel";
                };
                message = mail.transactional(kind, date, "gen-" + i + "@mailsift-bench.example");
            } else if (roll < 45) {
                kind = "newsletter";
                message = mail.newsletter(date, "gen-" + i + "@mailsift-bench.example");
            } else if (roll < 75) {
                kind = "personal";
                message = mail.personal(date, "gen-" + i + "@mailsift-bench.example");
            } else {
                kind = "notification";
                message = mail.notification(date, "gen-" + i + "@mailsift-bench.example");
            }
            kinds.merge(kind, 1, Integer::sum);
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            totalBytes += bytes.length;
            long epoch = date.toEpochSecond();
            // Maildir name: unique, with S= (size) so Dovecot need not stat, and flags (a third of the mail unread).
            String flags = random.nextInt(3) == 0 ? "" : "S";
            Path file = cur.resolve(epoch + ".M" + i + "P1.mailsift-bench,S=" + bytes.length + ":2," + flags);
            Files.write(file, bytes);
            // Dovecot takes a maildir message's received date (INTERNALDATE) from the file's mtime.
            Files.setLastModifiedTime(file, FileTime.from(date.toInstant()));
        }
        System.out.printf("%d messages, %.1f MB, %s%n", count, totalBytes / 1e6, new java.util.TreeMap<>(kinds));
    }

    /** Builds messages from fixed vocabularies and a seeded random source. */
    static final class MailWriter {

        private static final String[] WORDS = ("the of and to in is for on that with as was at by this from are be or "
                + "have an it not which we you all your more new one will can has our about their may up out other "
                + "time only also after first two over like work year just most people into some could them than "
                + "team project meeting weekend garden coffee market report update review travel summer winter city "
                + "music river morning evening family dinner photos school book library museum concert season price "
                + "offer members article story research design product release feature community event local "
                + "weather recipe kitchen bread bicycle train station mountain lake holiday friends birthday "
                + "schedule notes draft budget quarter invoice account security login device settings privacy")
                .split(" ");
        private static final String[] FIRST = {"Camille", "Noah", "Lea", "Jonas", "Sofia", "Mateo", "Amira", "Lukas",
                "Chloe", "Elias", "Ines", "Hugo", "Maya", "Oskar", "Nora", "Theo", "Zoe", "Samuel", "Ana", "Finn"};
        private static final String[] LAST = {"Martin", "Bernard", "Keller", "Rossi", "Novak", "Garcia", "Jensen",
                "Dubois", "Fischer", "Silva", "Kowalski", "Meyer", "Laurent", "Moreau", "Berg", "Costa"};
        private static final String[][] AIRLINES = {{"Aurora Air", "AU", "aurora-air.example"},
                {"Nordwind Airways", "NW", "nordwind.example"}, {"Atlantic Blue", "AB", "atlanticblue.example"},
                {"Sunline", "SL", "sunline.example"}, {"Alpine Express", "AX", "alpine-express.example"},
                {"Iberica Jet", "IJ", "ibericajet.example"}};
        private static final String[][] AIRPORTS = {{"CDG", "Paris Charles de Gaulle"}, {"LIS", "Lisbon"},
                {"FRA", "Frankfurt"}, {"AMS", "Amsterdam Schiphol"}, {"MAD", "Madrid Barajas"}, {"FCO", "Rome Fiumicino"},
                {"VIE", "Vienna"}, {"CPH", "Copenhagen"}, {"ZRH", "Zurich"}, {"BCN", "Barcelona"}, {"OSL", "Oslo"},
                {"DUB", "Dublin"}, {"WAW", "Warsaw Chopin"}, {"ATH", "Athens"}};
        private static final String[][] HOTELS = {{"Hotel du Parc", "Lyon", "stays.example"},
                {"Harbour Inn", "Porto", "harbourinn.example"}, {"Grand Central Rooms", "Vienna", "gcrooms.example"},
                {"Seaside Lodge", "Split", "bookdirect.example"}, {"Old Town Suites", "Krakow", "stays.example"},
                {"Canal House", "Amsterdam", "canalhouse.example"}};
        private static final String[][] SHOPS = {{"Kettle & Bean", "kettlebean.example"},
                {"Northern Outdoor", "northern-outdoor.example"}, {"Pixel Parts", "pixelparts.example"},
                {"Bookworm & Co", "bookworm.example"}, {"Casa Verde Plants", "casaverde.example"},
                {"Velo Shop", "veloshop.example"}, {"Tiny Home Goods", "tinyhome.example"}};
        private static final String[] PRODUCTS = {"Ethiopia Yirgacheffe beans 1 kg", "Rain jacket, size M",
                "USB-C charger 65 W", "Paperback: The Long Way Home", "Monstera deliciosa, 40 cm", "Bike chain 11-speed",
                "Linen table cloth", "Mechanical keyboard", "Hiking socks (3 pairs)", "Ceramic pour-over set"};
        private static final String[][] CARRIERS = {{"DHL", "JJD00"}, {"UPS", "1Z999AA1"}, {"PostNL", "3SABCD"},
                {"DPD", "0150"}, {"GLS", "ZX"}};
        private static final String[] NEWSLETTERS = {"The Weekly Garden", "City Culture Digest", "Dev Notes",
                "Market Morning", "Cycling Monthly", "Recipe Box", "Museum Friends", "Local News Brief"};
        private static final String[] NOTIFIERS = {"notifications@git.example", "no-reply@bank.example",
                "alerts@calendar.example", "noreply@social.example", "security@cloud.example", "billing@isp.example"};

        private final Random random;

        MailWriter(Random random) {
            this.random = random;
        }

        String transactional(String kind, ZonedDateTime date, String messageId) {
            String name = pick(FIRST) + " " + pick(LAST);
            String to = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@mailsift-bench.example";
            String code = code(6);
            String from;
            String subject;
            String jsonLd;
            String summary;
            switch (kind) {
                case "flight" -> {
                    String[] airline = pick(AIRLINES);
                    String[] origin = pick(AIRPORTS);
                    String[] destination = pick(AIRPORTS);
                    ZonedDateTime departure = date.plusDays(7 + random.nextInt(120)).withHour(6 + random.nextInt(15))
                            .withMinute(5 * random.nextInt(12));
                    ZonedDateTime arrival = departure.plusMinutes(70 + random.nextInt(200));
                    String number = String.valueOf(100 + random.nextInt(9000));
                    from = airline[0] + " <bookings@" + airline[2] + ">";
                    subject = "Your booking " + code + ": " + origin[1] + " to " + destination[1];
                    summary = airline[1] + " " + number + " " + origin[0] + " " + departure + " -> " + destination[0];
                    jsonLd = flight(code, name, airline, number, origin, destination, departure, arrival);
                }
                case "hotel" -> {
                    String[] hotel = pick(HOTELS);
                    ZonedDateTime checkin = date.plusDays(10 + random.nextInt(150)).withHour(15).withMinute(0);
                    from = hotel[0] + " <reservations@" + hotel[2] + ">";
                    subject = "Reservation confirmed: " + hotel[0] + ", " + hotel[1];
                    summary = hotel[0] + " " + checkin.toLocalDate();
                    jsonLd = hotel(code, name, hotel, checkin, checkin.plusDays(1 + random.nextInt(6)).withHour(11));
                }
                case "order" -> {
                    String[] shop = pick(SHOPS);
                    from = shop[0] + " <orders@" + shop[1] + ">";
                    String number = shop[0].substring(0, 2).toUpperCase(Locale.ROOT) + "-" + (100000
                            + random.nextInt(900000));
                    subject = "Thanks for your order " + number;
                    summary = "Order " + number;
                    jsonLd = order(shop, number, date);
                }
                default -> {
                    String[] shop = pick(SHOPS);
                    String[] carrier = pick(CARRIERS);
                    from = shop[0] + " <shipping@" + shop[1] + ">";
                    String tracking = carrier[1] + (1000000000L + (long) (random.nextDouble() * 8999999999L));
                    subject = "Your parcel is on its way (" + carrier[0] + " " + tracking + ")";
                    summary = "Tracking " + tracking;
                    jsonLd = parcel(shop, carrier, tracking, date);
                }
            }
            // Real confirmation mails carry heavy HTML: 10-50 KB of tables, styles and footers.
            String filler = htmlParagraphs(10_000 + random.nextInt(40_000));
            String text = "Dear " + name + ",\r\n\r\n" + summary + "\r\n\r\n" + wrap(words(600 + random.nextInt(900)));
            String html = "<html><head><script type=\"application/ld+json\">\r\n" + jsonLd
                    + "\r\n</script><style>td{padding:4px}</style></head><body><p>Dear " + name + ",</p><p>"
                    + escape(summary) + "</p>" + filler + "</body></html>";
            return headers(from, name + " <" + to + ">", subject, date, messageId)
                    + alternative(text, html);
        }

        String newsletter(ZonedDateTime date, String messageId) {
            String list = pick(NEWSLETTERS);
            String domain = list.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
            String html = "<html><body><h1>" + list + "</h1>" + htmlParagraphs(8_000 + random.nextInt(45_000))
                    + "<p><a href=\"https://" + domain + "/unsubscribe\">Unsubscribe</a></p></body></html>";
            String text = list + "\r\n\r\n" + wrap(words(300 + random.nextInt(1500)));
            return headers(list + " <news@" + domain + ">", "reader@mailsift-bench.example",
                    list + ": " + sentence(6), date, messageId)
                    + "List-Unsubscribe: <https://" + domain + "/unsubscribe>\r\n"
                    + alternative(text, html);
        }

        String personal(ZonedDateTime date, String messageId) {
            String name = pick(FIRST) + " " + pick(LAST);
            String from = name + " <" + name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@mail.example>";
            String body = "Hi,\r\n\r\n" + wrap(words(250 + random.nextInt(1000))) + "\r\n\r\n" + name + "\r\n";
            String head = headers(from, "reader@mailsift-bench.example", "Re: " + sentence(4), date, messageId);
            if (random.nextInt(4) != 0) {
                return head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + body;
            }
            // A quarter of personal mail carries a small attachment (a photo or a PDF of 5-35 KB).
            byte[] attachment = new byte[5_000 + random.nextInt(30_000)];
            random.nextBytes(attachment);
            boolean photo = random.nextBoolean();
            String boundary = "mixed-" + code(10);
            return head + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                    + "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
                    + "--" + boundary + "\r\nContent-Type: " + (photo ? "image/jpeg" : "application/pdf")
                    + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\""
                    + (photo ? "IMG_" + (1000 + random.nextInt(9000)) + ".jpg" : "notes.pdf") + "\"\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--" + boundary + "--\r\n";
        }

        String notification(ZonedDateTime date, String messageId) {
            String from = pick(NOTIFIERS);
            String html = "<html><body><p>" + escape(sentence(12)) + "</p>" + htmlParagraphs(1_500
                    + random.nextInt(4_000)) + "</body></html>";
            return headers(from, "reader@mailsift-bench.example", sentence(5), date, messageId)
                    + alternative(wrap(words(100 + random.nextInt(300))), html);
        }

        private String flight(String code, String name, String[] airline, String number, String[] origin,
                String[] destination, ZonedDateTime departure, ZonedDateTime arrival) {
            return """
                    {"@context": "https://schema.org", "@type": "FlightReservation", "reservationNumber": "%s",
                     "reservationStatus": "https://schema.org/ReservationConfirmed",
                     "underName": {"@type": "Person", "name": "%s"},
                     "reservationFor": {"@type": "Flight", "flightNumber": "%s",
                       "airline": {"@type": "Airline", "name": "%s", "iataCode": "%s"},
                       "departureAirport": {"@type": "Airport", "name": "%s", "iataCode": "%s"},
                       "departureTime": "%s",
                       "arrivalAirport": {"@type": "Airport", "name": "%s", "iataCode": "%s"},
                       "arrivalTime": "%s"}}"""
                    .formatted(code, name, number, airline[0], airline[1], origin[1], origin[0],
                            departure.toOffsetDateTime(), destination[1], destination[0], arrival.toOffsetDateTime());
        }

        private String hotel(String code, String name, String[] hotel, ZonedDateTime checkin, ZonedDateTime checkout) {
            return """
                    {"@context": "https://schema.org", "@type": "LodgingReservation", "reservationNumber": "%s",
                     "underName": {"@type": "Person", "name": "%s"},
                     "reservationFor": {"@type": "LodgingBusiness", "name": "%s",
                       "address": {"@type": "PostalAddress", "addressLocality": "%s"}},
                     "checkinTime": "%s", "checkoutTime": "%s",
                     "totalPrice": "%d.00", "priceCurrency": "EUR"}"""
                    .formatted(code, name, hotel[0], hotel[1], checkin.toOffsetDateTime(), checkout.toOffsetDateTime(),
                            60 + random.nextInt(900));
        }

        private String order(String[] shop, String number, ZonedDateTime date) {
            int cents = 500 + random.nextInt(30_000);
            return """
                    {"@context": "http://schema.org", "@type": "Order", "merchant": {"@type": "Organization", "name": "%s"},
                     "orderNumber": "%s", "orderDate": "%s", "orderStatus": "http://schema.org/OrderProcessing",
                     "priceCurrency": "EUR", "price": "%d.%02d",
                     "acceptedOffer": {"@type": "Offer", "itemOffered": {"@type": "Product", "name": "%s"},
                       "price": "%d.%02d", "priceCurrency": "EUR",
                       "eligibleQuantity": {"@type": "QuantitativeValue", "value": "%d"}}}"""
                    .formatted(shop[0], number, date.toOffsetDateTime(), cents / 100, cents % 100, pick(PRODUCTS),
                            cents / 100, cents % 100, 1 + random.nextInt(3));
        }

        private String parcel(String[] shop, String[] carrier, String tracking, ZonedDateTime date) {
            return """
                    {"@context": "http://schema.org", "@type": "ParcelDelivery",
                     "carrier": {"@type": "Organization", "name": "%s"}, "trackingNumber": "%s",
                     "expectedArrivalUntil": "%s", "itemShipped": {"@type": "Product", "name": "%s"},
                     "deliveryStatus": "http://schema.org/OrderInTransit",
                     "partOfOrder": {"@type": "Order", "orderNumber": "%s-%d",
                       "merchant": {"@type": "Organization", "name": "%s"}}}"""
                    .formatted(carrier[0], tracking, date.plusDays(2 + random.nextInt(5)).toOffsetDateTime(),
                            pick(PRODUCTS), shop[0].substring(0, 2).toUpperCase(Locale.ROOT),
                            100000 + random.nextInt(900000), shop[0]);
        }

        private static String headers(String from, String to, String subject, ZonedDateTime date, String messageId) {
            return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: " + RFC_5322.format(date)
                    + "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n";
        }

        private String alternative(String text, String html) {
            String boundary = "alt-" + code(10);
            return "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n"
                    + "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n"
                    + "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n"
                    + "--" + boundary + "--\r\n";
        }

        private String htmlParagraphs(int bytes) {
            StringBuilder html = new StringBuilder(bytes + 200);
            while (html.length() < bytes) {
                html.append("<table width=\"100%\"><tr><td style=\"font-family:Arial;font-size:14px\"><p>")
                        .append(escape(sentence(20 + random.nextInt(40)))).append("</p></td></tr></table>\r\n");
            }
            return html.toString();
        }

        private String words(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(i == 0 ? "" : " ").append(pick(WORDS));
                if (random.nextInt(14) == 0) {
                    text.append('.');
                }
            }
            return text.append('.').toString();
        }

        private String sentence(int count) {
            String words = words(count);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        private static String wrap(String text) {
            StringBuilder out = new StringBuilder();
            int column = 0;
            for (String word : text.split(" ")) {
                if (column + word.length() > 76) {
                    out.append("\r\n");
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            return out.toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        private String code(int length) {
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < length; i++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return code.toString();
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // append

    private static void append(int port, int users, int count, long intervalMs, long seed, String runId, Path out)
            throws Exception {
        Random random = new Random(seed);
        MailWriter mail = new MailWriter(random);
        List<String> rows = new ArrayList<>();
        rows.add("message_id,user,appended_at_ms");
        long start = System.currentTimeMillis();
        // One open connection per user that has received mail so far, as an MTA's LMTP client would keep.
        Map<Integer, ImapClient> clients = new HashMap<>();
        try {
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalMs;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                int user = random.nextInt(users);
                String messageId = "lat-" + runId + "-" + i + "@mailsift-bench.example";
                ZonedDateTime now = Instant.now().atZone(ZoneOffset.UTC);
                byte[] message = mail.transactional("flight", now, messageId).getBytes(StandardCharsets.UTF_8);
                ImapClient client = clients.get(user);
                if (client == null) {
                    client = new ImapClient(port, "user" + user, "bench");
                    clients.put(user, client);
                }
                long appendedAt = client.append("INBOX", message);
                rows.add(messageId + ",user" + user + "," + appendedAt);
            }
        } finally {
            for (ImapClient client : clients.values()) {
                client.close();
            }
            Files.write(out, rows);
        }
        System.out.printf("appended %d messages to %d users in %.1f s%n", count, users,
                (System.currentTimeMillis() - start) / 1000.0);
    }

    /** Just enough IMAP to LOGIN and APPEND, with timeouts on every step. */
    static final class ImapClient implements AutoCloseable {

        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final OutputStream out;
        private int tag;

        ImapClient(int port, String user, String password) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            expectUntagged(in.readLine());
            command("LOGIN " + user + " " + password);
        }

        /** Appends one message and returns the wall-clock time (ms) at which the server confirmed it. */
        long append(String folder, byte[] message) throws IOException {
            String t = "a" + (++tag);
            send(t + " APPEND " + folder + " {" + message.length + "}\r\n");
            String line = in.readLine();
            if (line == null || !line.startsWith("+")) {
                throw new IOException("APPEND refused: " + line);
            }
            out.write(message);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTagged(t);
            return System.currentTimeMillis();
        }

        private void command(String command) throws IOException {
            String t = "a" + (++tag);
            send(t + " " + command + "\r\n");
            awaitTagged(t);
        }

        private void send(String line) throws IOException {
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private void awaitTagged(String t) throws IOException {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(t + " ")) {
                    if (!line.startsWith(t + " OK")) {
                        throw new IOException("IMAP error: " + line);
                    }
                    return;
                }
            }
            throw new IOException("connection closed");
        }

        private static void expectUntagged(String greeting) throws IOException {
            if (greeting == null || !greeting.startsWith("* OK")) {
                throw new IOException("unexpected greeting: " + greeting);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                send("z LOGOUT\r\n");
            } finally {
                socket.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // latency

    private static void latency(Path deliveries, Path findings) throws IOException {
        Map<String, Long> createdAt = new HashMap<>();
        for (String line : Files.readAllLines(findings)) {
            String[] parts = line.split(",");
            if (parts.length == 2 && !parts[1].isBlank()) {
                // A message may yield several findings; the first one committed counts.
                createdAt.merge(parts[0].replace("<", "").replace(">", ""), Long.parseLong(parts[1].trim()), Math::min);
            }
        }
        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (String line : Files.readAllLines(deliveries).subList(1, Files.readAllLines(deliveries).size())) {
            String[] parts = line.split(",");
            Long created = createdAt.get(parts[0]);
            if (created == null) {
                missing++;
            } else {
                latencies.add(created - Long.parseLong(parts[2]));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("deliveries=%d found=0 missing=%d%n", latencies.size() + missing, missing);
            return;
        }
        System.out.printf("deliveries=%d found=%d missing=%d min_ms=%d p50_ms=%d p90_ms=%d p99_ms=%d max_ms=%d%n",
                sorted.length + missing, sorted.length, missing, sorted[0], percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
