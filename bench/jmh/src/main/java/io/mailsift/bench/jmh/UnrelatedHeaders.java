package io.mailsift.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Header blocks of the mail an inbox mostly receives and neither connector wants: newsletters and marketing from bulk
 * senders (DKIM, list headers, {@code multipart/alternative}), personal mail and replies (some with RFC 2047 subjects),
 * and notifications from services. Realistic in size and shape, so that a prefilter's cost on them is the cost it
 * has in a real inbox; the same seed gives the same blocks. Written for the benchmark, from no source data.
 */
final class UnrelatedHeaders {

    private static final String[][] BULK_SENDERS = {
            {"The Weekly Garden", "news@weeklygarden.example"},
            {"Dev Notes", "hello@devnotes.example"},
            {"Museum Friends", "members@museumfriends.example"},
            {"Recipe Box", "recipes@recipebox.example"},
            {"Le Monde", "lettre@lemonde.example"},
            {"Newsletter Spiegel", "newsletter@spiegel.example"},
            {"El País", "boletin@elpais.example"},
            {"Medium Daily Digest", "noreply@medium.example"},
            {"Stack Overflow", "do-not-reply@stackoverflow.example"},
            {"Run Club", "team@runclub.example"},
            {"Bücherstube Meier", "info@buecherstube-meier.example"},
            {"La Fnac des Idées", "newsletter@idees.example"},
            {"Podcast Weekly", "digest@podcastweekly.example"},
            {"Open Source Monthly", "editor@osmonthly.example"},
    };

    private static final String[] BULK_SUBJECTS = {
            "Issue #%d: what we learned this month",
            "Five soups for cold evenings",
            "The Weekly Garden: tomatoes, compost and the first frost",
            "Dev Notes #%d: structured concurrency in practice",
            "Your members' magazine for December",
            "La lettre du matin : les informations du jour",
            "Die Lage am Morgen: Was heute wichtig ist",
            "Las noticias de la mañana",
            "Top stories for you this week",
            "New in the shop: winter collection",
            "Nos coups de cœur de la semaine",
            "Neue Bücher im Dezember – unsere Empfehlungen",
            "Webinar invitation: scaling PostgreSQL (%d seats left)",
            "Ce week-end au musée : ateliers et visites",
            "Your %d-day streak: keep it going!",
            "Episode %d: the history of the typewriter",
            "Last chance to register for the autumn run",
            "Wir vermissen dich! Schau mal wieder rein",
    };

    private static final String[] PEOPLE = {
            "Camille Martin", "Jonas Keller", "Lea Rossi", "Hugo Dubois", "Nora Berg", "Sofia Garcia",
            "Liam O'Brien", "Anaïs Lefèvre", "Jürgen Groß", "María Fernández", "Tom Baker", "Aiko Tanaka",
    };

    private static final String[] PERSONAL_SUBJECTS = {
            "dinner on Saturday?", "photos from the garden party", "draft of the quarterly report",
            "Tu veux venir samedi ?", "Buchempfehlung für dich", "¿Quedamos el jueves?", "happy birthday!",
            "the slides for Monday", "Kannst du mir kurz helfen?", "notes from today's call", "À propos de demain",
            "question about the lease", "Mittagessen nächste Woche", "can you review this?", "old school friends",
    };

    private static final String[][] NOTIFIERS = {
            {"GitHub", "noreply@github.com", "[mailsift/mailsift] Pull request #%d: fix flaky test"},
            {"GitLab", "gitlab@gitlab.example", "Pipeline #%d failed for main"},
            {"Account Security", "security@cloud.example", "Reset your password"},
            {"Example Bank", "no-reply@bank.example", "Your monthly statement is ready"},
            {"Example ID", "account@id.example", "Verify your email address"},
            {"Social", "notifications@social.example", "Sofia Garcia commented on your photo"},
            {"Cloud Storage", "no-reply@storage.example", "You are running out of storage (%d%% used)"},
            {"Calendar", "calendar-notification@calendar.example", "Reminder: team meeting at 10:00"},
            {"LinkedIn", "messages-noreply@linkedin.com", "You appeared in %d searches this week"},
            {"Stadtwerke", "kundenservice@stadtwerke.example", "Ihr neues Passwort"},
            {"Mairie", "contact@mairie.example", "Réinitialisation de votre mot de passe"},
            {"Jira", "jira@issues.example", "[JIRA] (OPS-%d) Disk usage above threshold"},
    };

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private UnrelatedHeaders() {
    }

    /** {@code count} header blocks (each ending with the blank line), half bulk, a third personal, the rest notices. */
    static List<byte[]> blocks(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ZonedDateTime date = ZonedDateTime.of(2026, 1, 1, 6, 0, 0, 0, ZoneOffset.ofHours(random.nextInt(3)))
                    .plusMinutes(random.nextInt(500_000));
            int kind = random.nextInt(6);
            String block = kind < 3 ? bulk(random, date) : kind < 5 ? personal(random, date) : notice(random, date);
            blocks.add(block.getBytes(StandardCharsets.UTF_8));
        }
        return blocks;
    }

    private static String bulk(Random random, ZonedDateTime date) {
        String[] sender = pick(random, BULK_SENDERS);
        String domain = domain(sender[1]);
        String subject = String.format(Locale.ROOT, pick(random, BULK_SUBJECTS), 2 + random.nextInt(300));
        String id = hex(random, 12);
        return received(random, "mta" + random.nextInt(40) + ".esp.example", date)
                + dkim(random, domain)
                + "From: " + sender[0] + " <" + sender[1] + ">\r\n"
                + "Reply-To: " + sender[1] + "\r\n"
                + "To: anna.schmidt@mail.example\r\n"
                + "Subject: " + encoded(subject) + "\r\n"
                + "Date: " + RFC_5322.format(date) + "\r\n"
                + "Message-ID: <" + id + "." + hex(random, 6) + "@mail." + domain + ">\r\n"
                + "List-Id: " + sender[0].replaceAll("[^A-Za-z]", "") + " <list." + domain + ">\r\n"
                + "List-Unsubscribe: <https://mail." + domain + "/u/" + hex(random, 24) + ">, <mailto:unsub-"
                + id + "@mail." + domain + ">\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
                + "Precedence: bulk\r\n"
                + "X-Campaign-Id: " + hex(random, 16) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"=_b" + hex(random, 10) + "\"\r\n\r\n";
    }

    private static String personal(Random random, ZonedDateTime date) {
        String sender = pick(random, PEOPLE);
        String address = address(sender);
        String reply = random.nextBoolean() ? "Re: " : "";
        String subject = reply + pick(random, PERSONAL_SUBJECTS);
        String earlier = "<" + hex(random, 16) + "@mail.example>";
        return received(random, "smtp.mail.example", date)
                + dkim(random, "mail.example")
                + "From: " + encoded(sender) + " <" + address + ">\r\n"
                + "To: Anna Schmidt <anna.schmidt@mail.example>\r\n"
                + (random.nextInt(3) == 0 ? "Cc: " + address(pick(random, PEOPLE)) + "\r\n" : "")
                + "Subject: " + encoded(subject) + "\r\n"
                + "Date: " + RFC_5322.format(date) + "\r\n"
                + "Message-ID: <" + hex(random, 16) + "@mail.example>\r\n"
                + (reply.isEmpty() ? "" : "In-Reply-To: " + earlier + "\r\nReferences: " + earlier + "\r\n")
                + "User-Agent: Mozilla Thunderbird\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n";
    }

    private static String notice(Random random, ZonedDateTime date) {
        String[] notifier = pick(random, NOTIFIERS);
        String domain = domain(notifier[1]);
        String subject = String.format(Locale.ROOT, notifier[2], 10 + random.nextInt(90));
        return received(random, "out" + random.nextInt(9) + "." + domain, date)
                + dkim(random, domain)
                + "From: " + notifier[0] + " <" + notifier[1] + ">\r\n"
                + "To: anna.schmidt@mail.example\r\n"
                + "Subject: " + encoded(subject) + "\r\n"
                + "Date: " + RFC_5322.format(date) + "\r\n"
                + "Message-ID: <" + hex(random, 20) + "@" + domain + ">\r\n"
                + "Auto-Submitted: auto-generated\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + hex(random, 16) + "\"\r\n\r\n";
    }

    private static String received(Random random, String host, ZonedDateTime date) {
        return "Return-Path: <bounce-" + hex(random, 8) + "@" + host + ">\r\n"
                + "Received: from " + host + " (" + host + " [203.0.113." + random.nextInt(255) + "])\r\n"
                + "\tby mx.mail.example (Postfix) with ESMTPS id " + hex(random, 5).toUpperCase(Locale.ROOT)
                + "\r\n\tfor <anna.schmidt@mail.example>; " + RFC_5322.format(date) + "\r\n";
    }

    private static String dkim(Random random, String domain) {
        byte[] signature = new byte[128];
        random.nextBytes(signature);
        String b = Base64.getEncoder().encodeToString(signature);
        return "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=s1;\r\n"
                + "\th=from:to:subject:date:message-id:mime-version:content-type;\r\n"
                + "\tbh=" + Base64.getEncoder().encodeToString(Arrays.copyOf(signature, 32)) + ";\r\n"
                + "\tb=" + b.substring(0, 76) + "\r\n\t " + b.substring(76) + "\r\n";
    }

    /** Non-ASCII text as an RFC 2047 encoded word, as mail programs send it. */
    private static String encoded(String text) {
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String address(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("ß", "ss").toLowerCase(Locale.ROOT);
        return ascii.replaceAll("[^a-z]+", ".") + "@mail.example";
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    private static String hex(Random random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
