package io.mailsift.purchases.tracking;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parcel tracking numbers: validation against the carriers' formats and check digits, and detection in a mail's
 * text. The formats are those of jkeen/tracking_number_data (bundled, MIT), loaded once when this class is first
 * used. Thread-safe.
 *
 * <p>{@link #validate} judges a number alone: the format must match in full and the check digit, where the format
 * has one, must be right. Formats without a check digit (Amazon Logistics, LaserShip, Yodel, DHL eCommerce, …)
 * accept anything of their shape.
 *
 * <p>{@link #find} is stricter, because mail is full of numbers that are not tracking numbers (order numbers,
 * phone numbers, dates, customer numbers, ids in links) and a random 12-digit number passes a mod-10 check one
 * time in ten. A number found in text is reported only when it is valid and
 * <ol>
 *   <li>it has a check digit and at least two letters (UPS's {@code 1Z…}, the posts' UPU S10 {@code RB123456785GB}):
 *       such a number is reported anywhere, links included; or</li>
 *   <li>it has a check digit, and the text names its carrier or a label says it is a tracking number ("tracking",
 *       "Sendungsnummer", "suivi", "colis", …); or</li>
 *   <li>its format has no check digit, and the text names its carrier.</li>
 * </ol>
 * Named means within {@value TrackingContext#BEFORE} characters before the number or
 * {@value TrackingContext#AFTER} after it, or by the mail itself ({@link #find(String, Collection)}, e.g. the
 * carrier's own sender domain). In cases 2 and 3 the number is also refused when
 * <ul>
 *   <li>it sits in a link or a mail address, or follows a {@code +} (phone numbers);</li>
 *   <li>the nearest label before it is another kind of number's ("Order", "Bestellnummer", "commande", "Tel",
 *       "Invoice", "Customer", "IBAN", …). A label counts only for the first number after it: in
 *       "order 1234: 3318810025" it labels 1234, and 3318810025 then needs its carrier named;</li>
 *   <li>another carrier is named near it and its own is not: "DHL Sendungsnummer 00340434161094042557" passes
 *       USPS's check, but is DHL Paket's, a format the data lacks.</li>
 * </ul>
 * Candidates are whole words of capitals, digits and inner hyphens, or runs of such words separated by one to
 * three spaces (carriers print {@code 1Z 999 AA1 01 2345 6784}); never a part of a word, so a long digit string
 * never yields a shorter number, nor one digit repeated ({@code 000000000000}, a placeholder that passes FedEx's
 * check). Of overlapping candidates the longest wins. A number two formats accept goes to
 * the carrier named, else to the first in the order of {@code couriers.list} (big parcel carriers first).
 */
public final class TrackingNumbers {

    private static final List<TrackingFormat> FORMATS = CarrierData.load();
    /** The lengths of the shortest and the longest number the formats allow (10 and 42 characters). */
    private static final int SHORTEST = FORMATS.stream().mapToInt(TrackingFormat::shortest).min().orElseThrow();
    private static final List<String> CARRIER_IDS = FORMATS.stream().map(TrackingFormat::carrierId).distinct().toList();
    private static final int LONGEST = FORMATS.stream().mapToInt(TrackingFormat::longest).max().orElseThrow();
    /**
     * Domain labels that say a carrier: the second-level labels of its tracking pages' hosts ({@code ups},
     * {@code odfl}, {@code canadapost-postescanada}) and its id without underscores ({@code canadapost}). S10
     * numbers come from a hundred posts and get none.
     */
    private static final Map<String, String> CARRIER_BY_DOMAIN_LABEL = domainLabels();
    /** The fewest digits of a number of the data: LaserShip's {@code 1LSCXVE005BUEFX} has 4. */
    private static final int FEWEST_DIGITS = 4;

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u00A0\\u202F\\u2009]");

    private TrackingNumbers() {
    }

    /** {@code number} (spaces and case ignored) as a tracking number of the first carrier whose format accepts it. */
    public static Optional<TrackingNumber> validate(String number) {
        String compact = compact(number);
        for (TrackingFormat format : FORMATS) {
            Optional<TrackingNumber> match = format.match(compact);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * {@code number} (spaces and case ignored) as a tracking number of the given carrier ({@code fedex}) or format
     * ({@code fedex_12}); empty if none of its formats accepts it.
     *
     * @throws IllegalArgumentException if no carrier or format has that id
     */
    public static Optional<TrackingNumber> validate(String carrierOrFormatId, String number) {
        List<TrackingFormat> formats = FORMATS.stream()
                .filter(f -> f.carrierId().equals(carrierOrFormatId) || f.id().equals(carrierOrFormatId))
                .toList();
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("No carrier or tracking-number format has the id " + carrierOrFormatId
                    + "; known carriers: " + carrierIds());
        }
        String compact = compact(number);
        return formats.stream().flatMap(f -> f.match(compact).stream()).findFirst();
    }

    /** The ids of the carriers known, in the order that settles ambiguous numbers. */
    public static List<String> carrierIds() {
        return CARRIER_IDS;
    }

    /**
     * The carrier whose mail domain {@code senderAddressOrDomain} is ({@code auto-notify@ups.com}, {@code dhl.de}),
     * by the domains of the carriers' tracking pages and their ids: a mail a carrier sends names it, for
     * {@link #find(String, Collection)}.
     */
    public static Optional<String> carrierOfSender(String senderAddressOrDomain) {
        String domain = senderAddressOrDomain.substring(senderAddressOrDomain.lastIndexOf('@') + 1)
                .toLowerCase(Locale.ROOT);
        for (String label : domain.split("\\.")) {
            String carrier = CARRIER_BY_DOMAIN_LABEL.get(label);
            if (carrier != null) {
                return Optional.of(carrier);
            }
        }
        return Optional.empty();
    }

    /**
     * The carriers {@code text} names ({@code ups}, {@code s10} for "Royal Mail" or "Colissimo"), each with the
     * name it first uses for it, in the order named.
     */
    public static Map<String, String> carriersNamedIn(String text) {
        return TrackingContext.carriersNamedIn(text);
    }

    /**
     * The tracking numbers {@code text} gives (the mail's plain text, or its HTML reduced to text), each once, in
     * the order of their first mention; see the class comment for what counts.
     */
    public static List<TrackingNumber> find(String text) {
        return find(text, Set.of());
    }

    /**
     * As {@link #find(String)}, with carriers the mail names outside {@code text}, e.g. {@link #carrierOfSender} of
     * its sender: they count as named near every number.
     *
     * @throws IllegalArgumentException if a carrier id is unknown
     */
    public static List<TrackingNumber> find(String text, Collection<String> carriersOfTheMail) {
        return find(candidates(text), carriersOfTheMail);
    }

    /**
     * The words of {@code text} that have the shape (and check digit, where their format has one) of a tracking
     * number, before the text around them is asked whether they count: found once for several searches of the same
     * text with different carriers ({@link #find(Candidates, Collection)}).
     */
    public static Candidates candidates(String text) {
        List<Spotted> spotted = new ArrayList<>();
        for (List<Word> run : wordRuns(text)) {
            for (int i = 0; i < run.size(); i++) {
                StringBuilder compact = new StringBuilder();
                int digits = 0;
                for (int j = i; j < run.size(); j++) {
                    Word word = run.get(j);
                    compact.append(word.text());
                    digits += word.digits();
                    if (compact.length() > LONGEST) {
                        break;
                    }
                    if (digits >= FEWEST_DIGITS && compact.length() >= SHORTEST && !oneDigitRepeated(compact)) {
                        String number = compact.toString();
                        List<Matched> matches = new ArrayList<>();
                        for (TrackingFormat format : FORMATS) {
                            format.match(number).ifPresent(match -> matches.add(new Matched(format, match)));
                        }
                        if (!matches.isEmpty()) {
                            spotted.add(new Spotted(run.get(i).start(), word.end(), List.copyOf(matches)));
                        }
                    }
                }
            }
        }
        return new Candidates(text, List.copyOf(spotted));
    }

    /**
     * As {@link #find(String, Collection)}, for the candidates of a text.
     *
     * @throws IllegalArgumentException if a carrier id is unknown
     */
    public static List<TrackingNumber> find(Candidates candidates, Collection<String> carriersOfTheMail) {
        for (String carrier : carriersOfTheMail) {
            if (!carrierIds().contains(carrier)) {
                throw new IllegalArgumentException("Unknown carrier " + carrier + "; known carriers: " + carrierIds());
            }
        }
        if (candidates.spotted().isEmpty()) {
            return List.of();
        }
        TrackingContext context = new TrackingContext(candidates.text(), Set.copyOf(carriersOfTheMail));
        List<Candidate> accepted = new ArrayList<>();
        for (Spotted each : candidates.spotted()) {
            best(each, context).ifPresent(accepted::add);
        }
        // Longest first: "420 22153 9101…" is one USPS number, not a shorter one inside it.
        accepted.sort(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()
                .thenComparingInt(Candidate::start));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate candidate : accepted) {
            if (chosen.stream().noneMatch(c -> c.start() < candidate.end() && candidate.start() < c.end())) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::start));
        Map<String, TrackingNumber> unique = new LinkedHashMap<>();
        for (Candidate candidate : chosen) {
            unique.putIfAbsent(candidate.number().number(), candidate.number());
        }
        return List.copyOf(unique.values());
    }

    /** "000000000000" passes FedEx's check, and fills placeholders and templates. */
    private static boolean oneDigitRepeated(CharSequence compact) {
        char first = compact.charAt(0);
        if (first < '0' || first > '9') {
            return false;
        }
        for (int i = 1; i < compact.length(); i++) {
            if (compact.charAt(i) != first) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> domainLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (TrackingFormat format : FORMATS) {
            if (format.carrierId().equals("s10")) {
                continue;
            }
            labels.putIfAbsent(format.carrierId().replace("_", ""), format.carrierId());
            if (format.urlTemplate() != null) {
                String host = URI.create(format.urlTemplate().replace("%s", "0")).getHost();
                String[] hostLabels = host.split("\\.");
                // The label before the TLD, or before "co.uk"-style second levels.
                int index = hostLabels.length - 2;
                if (index > 0 && hostLabels[index].length() <= 3 && hostLabels[hostLabels.length - 1].length() == 2) {
                    index--;
                }
                labels.putIfAbsent(hostLabels[index], format.carrierId());
            }
        }
        return Map.copyOf(labels);
    }

    private static Optional<Candidate> best(Spotted spotted, TrackingContext context) {
        Candidate first = null;
        int start = spotted.start();
        int end = spotted.end();
        for (Matched matched : spotted.matches()) {
            TrackingFormat format = matched.format();
            if (!context.accepts(format, matched.number(), start, end)) {
                continue;
            }
            Candidate candidate = new Candidate(matched.number(), start, end);
            if (context.namesCarrier(format.carrierId(), start, end)) {
                return Optional.of(candidate);
            }
            if (first == null) {
                first = candidate;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * The words of {@code text} that may be part of a tracking number: capitals and digits, with inner hyphens.
     * Words separated by one to three horizontal spaces form a run; anything else ends it, a word with small letters
     * too. Written out by hand: it reads every character of every mail.
     */
    private static List<List<Word>> wordRuns(String text) {
        List<List<Word>> runs = new ArrayList<>();
        List<Word> run = new ArrayList<>();
        int previousEnd = -1;
        int i = 0;
        int length = text.length();
        // Only a word without small letters is kept: most words of a mail are never copied.
        StringBuilder word = new StringBuilder();
        while (i < length) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            word.setLength(0);
            int digits = 0;
            boolean lowerCase = false;
            while (true) {
                while (i < length && isWordChar(text.charAt(i))) {
                    char c = text.charAt(i++);
                    digits += c <= '9' ? 1 : 0;
                    lowerCase |= c >= 'a';
                    if (!lowerCase) {
                        word.append(c);
                    }
                }
                int hyphen = i < length && text.charAt(i) == ' ' ? i + 1 : i;
                if (hyphen < length && text.charAt(hyphen) == '-') {
                    int next = hyphen + 1 < length && text.charAt(hyphen + 1) == ' ' ? hyphen + 2 : hyphen + 1;
                    if (next < length && isWordChar(text.charAt(next))) {
                        if (!lowerCase) {
                            word.append('-');
                        }
                        i = next;
                        continue;
                    }
                }
                break;
            }
            if (!run.isEmpty() && (lowerCase || !onlySpaces(text, previousEnd, start))) {
                runs.add(run);
                run = new ArrayList<>();
            }
            if (!lowerCase) {
                run.add(new Word(word.toString(), start, i, digits));
            }
            previousEnd = i;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static boolean isWordChar(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean onlySpaces(String text, int from, int to) {
        if (to - from < 1 || to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\u00A0' && c != '\u202F' && c != '\u2009') {
                return false;
            }
        }
        return true;
    }

    /** {@code number} as the carriers' data writes it: without spaces, in capitals. */
    public static String compact(String number) {
        return SPACES.matcher(number).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private record Word(String text, int start, int end, int digits) {
    }

    private record Candidate(TrackingNumber number, int start, int end) {
    }

    /**
     * The words of a text that may be tracking numbers ({@link #candidates(String)}).
     *
     * @param text    the text they are in
     * @param spotted each run of words at [start, end) whose compact form some formats accept, with those formats
     */
    public record Candidates(String text, List<Spotted> spotted) {

        /** Whether one of them passed a check digit: only such a number can make a verified parcel. */
        public boolean anyCheckDigitVerified() {
            return spotted.stream().anyMatch(each -> each.matches().stream()
                    .anyMatch(matched -> matched.number().checkDigitVerified()));
        }
    }

    /** Words at [start, end) of a text, and what each format that accepts them made of them, in format order. */
    record Spotted(int start, int end, List<Matched> matches) {
    }

    private record Matched(TrackingFormat format, TrackingNumber number) {
    }
}
