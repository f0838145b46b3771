package io.mailsift.purchases.tracking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the text around a candidate number says about it: whether its carrier is named, whether the nearest label
 * before it announces a tracking number or another kind of number, whether it sits in a link or after a {@code +}.
 * One per text searched, not thread-safe; only the few characters around a candidate are searched.
 */
final class TrackingContext {

    /** How far before a number its label or its carrier's name may be. */
    static final int BEFORE = 80;
    /** How far after a number its carrier's name may be ("1234 5678 9012 (FedEx)"). */
    static final int AFTER = 60;

    private static final Pattern TRACKING_LABEL = Pattern.compile(
            "(?iu)\\b(?:track\\w*|sendung\\w*|paket\\w*|suivi|colis|waybill|awb|consignment|parcel|package"
                    + "|shipment|exp[ée]dition|envoi|num[ée]ro\\s+de\\s+suivi)\\b");
    private static final Pattern OTHER_LABEL = Pattern.compile(
            "(?iu)\\b(?:orders?|bestell\\w*|auftrag\\w*|commande|invoice|rechnung\\w*|facture|receipt|beleg|quittung"
                    + "|phone|tel|telefon|t[ée]l[ée]phone|mobile|fax|call|hotline|customer|kunden\\w*|client"
                    + "|account|konto|iban|bic|card|karte|carte|ticket|confirmation|best[äa]tigung|reference|ref"
                    + "|booking|buchung|r[ée]servation|member\\w*|vat|ust|siret|zip|postcode|plz|sku|item|article"
                    + "|artikel|model|serial|imei|coupon|code|pin)\\b");
    private static final Pattern LINK_OR_ADDRESS = Pattern.compile(
            "(?i)(?:https?://|www\\.)[^\\s<>\"]+|[^\\s<>\"@]+@[^\\s<>\"@]+");

    /** How a mail names each carrier; acronyms in capitals only, so "ups and downs" is no UPS. */
    private static final Map<String, Pattern> CARRIER_NAMES = Map.ofEntries(
            names("ups", "\\bUPS\\b|(?i:\\bUnited Parcel Service\\b)"),
            names("usps", "\\bUSPS\\b|(?i:\\bPostal Service\\b|\\bU\\.S\\. Mail\\b)"),
            names("fedex", "(?i:\\bFed ?Ex\\b|\\bFederal Express\\b)"),
            names("dhl", "\\bDHL\\b"),
            names("dpd", "\\bDPD\\b"),
            names("s10", "(?i:\\bRoyal Mail\\b|\\bLa Poste\\b|\\bColissimo\\b|\\bDeutsche Post\\b|\\bCorreos\\b"
                    + "|\\bChronopost\\b|\\bPoste Italiane\\b|\\bPostNL\\b|\\bbpost\\b|\\bChina Post\\b|\\bAustralia Post\\b)"),
            names("canada_post", "(?i:\\bCanada Post\\b|\\bPostes Canada\\b)"),
            names("purolator", "(?i:\\bPurolator\\b)"),
            names("amazon", "(?i:\\bAmazon\\b)"),
            names("ontrac", "(?i:\\bOnTrac\\b)"),
            names("lasership", "(?i:\\bLaserShip\\b|\\bOnTrac\\b)"),
            names("yodel", "(?i:\\bYodel\\b)"),
            names("old_dominion", "\\bODFL\\b|(?i:\\bOld Dominion\\b)"),
            names("canpar", "(?i:\\bCanpar\\b)"),
            names("speedee", "(?i:\\bSpee-?Dee\\b)"),
            names("gofo", "\\bGOFO\\b|(?i:\\bGofo Express\\b)"),
            names("landmark", "(?i:\\bLandmark Global\\b|\\bLandmark\\b)"),
            names("yunexpress", "(?i:\\bYun ?Express\\b)"));

    private static final List<String> CARRIERS = List.copyOf(CARRIER_NAMES.keySet());
    /** All carriers' names in one pattern: one search of a window instead of one per carrier. */
    private static final Pattern ANY_CARRIER = Pattern.compile(CARRIERS.stream()
            .map(carrier -> "(?:" + CARRIER_NAMES.get(carrier).pattern() + ")")
            .collect(Collectors.joining("|")));

    private final String text;
    private final Set<String> carriersOfTheMail;
    /** The carriers named around the last candidate asked about: its formats ask in turn. */
    private int namedAroundStart = -1;
    private int namedAroundEnd = -1;
    private Set<String> namedAround = Set.of();
    /** The labels' ends before the last start asked about ({@link #accepts}). */
    private int labelsBefore = -1;
    private int trackingLabelEnd = -1;
    private int otherLabelEnd = -1;
    /** Where a name hint starts in the text, sorted; computed when first asked. */
    private int[] hintStarts;

    /** @param carriersOfTheMail carriers the mail names elsewhere (its sender, its subject): named near every number */
    TrackingContext(String text, Set<String> carriersOfTheMail) {
        this.text = text;
        this.carriersOfTheMail = carriersOfTheMail;
    }

    /** Whether {@code number}, valid in {@code format} and found at [start, end), counts (see TrackingNumbers). */
    boolean accepts(TrackingFormat format, TrackingNumber number, int start, int end) {
        if (format.hasChecksum() && letters(number.number()) >= 2) {
            return true;
        }
        if (inLink(start, end) || afterPlus(start)) {
            return false;
        }
        if (start != labelsBefore) {
            // A candidate's formats ask in turn about the same start: its labels are looked for once.
            trackingLabelEnd = lastEndBefore(TRACKING_LABEL, start);
            otherLabelEnd = lastEndBefore(OTHER_LABEL, start);
            labelsBefore = start;
        }
        int tracking = trackingLabelEnd;
        int other = otherLabelEnd;
        // Only the nearest label speaks, and only if no other number stands between it and this one
        // ("order 1234: 3318810025" labels 1234).
        boolean labelled = Math.max(tracking, other) >= 0 && !otherNumberBetween(Math.max(tracking, other), start);
        if (labelled && other > tracking) {
            return false;
        }
        boolean carrierNamed = namesCarrier(format.carrierId(), start, end);
        if (!carrierNamed && namesAnotherCarrier(format.carrierId(), start, end)) {
            // "DHL Sendungsnummer 00340434161094042557" passes USPS's check, but DHL said whose it is.
            return false;
        }
        return format.hasChecksum() ? carrierNamed || labelled : carrierNamed;
    }

    boolean namesCarrier(String carrierId, int start, int end) {
        return carriersOfTheMail.contains(carrierId) || carriersNamedAround(start, end).contains(carrierId);
    }

    private boolean namesAnotherCarrier(String carrierId, int start, int end) {
        return carriersOfTheMail.stream().anyMatch(other -> !other.equals(carrierId))
                || carriersNamedAround(start, end).stream().anyMatch(other -> !other.equals(carrierId));
    }

    /** The carriers named within the window around [start, end); only the window is searched, mails are long. */
    private Set<String> carriersNamedAround(int start, int end) {
        if (start != namedAroundStart || end != namedAroundEnd) {
            Set<String> named = new HashSet<>();
            collectCarriers(Math.max(0, start - BEFORE), start, named);
            collectCarriers(end, Math.min(text.length(), end + AFTER), named);
            namedAroundStart = start;
            namedAroundEnd = end;
            namedAround = named;
        }
        return namedAround;
    }

    private void collectCarriers(int from, int to, Set<String> named) {
        if (!mayNameCarrier(from, to)) {
            return;
        }
        Matcher matcher = ANY_CARRIER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        // As find() over [from, to): every name starts with one of its hints, so only the hints' starts are tried.
        int cursor = from;
        for (int k = firstHintAtOrAfter(from); k < hintStarts.length && hintStarts[k] < to; k++) {
            int at = hintStarts[k];
            if (at < cursor) {
                continue;
            }
            if (!matcher.region(at, to).lookingAt()) {
                cursor = at + 1;
                continue;
            }
            cursor = matcher.end();
            // One name may be two carriers' ("OnTrac" now also runs LaserShip): each carrier's own pattern says.
            for (String carrier : CARRIERS) {
                if (CARRIER_NAMES.get(carrier).matcher(text).region(matcher.start(), matcher.end())
                        .useTransparentBounds(true).matches()) {
                    named.add(carrier);
                }
            }
        }
    }

    /**
     * The carriers {@code text} names, each with the first name it uses for it ("Royal Mail" for an S10 number):
     * for a mail as a whole, where a number's own window is too narrow.
     */
    static Map<String, String> carriersNamedIn(String text) {
        // Each carrier's pattern runs only over a text that holds one of its names' letters: one scan per name of
        // the lower-cased text is far cheaper than the patterns' alternatives tried at every character.
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        java.util.TreeMap<Integer, Map.Entry<String, String>> byPosition = new java.util.TreeMap<>();
        for (String carrier : CARRIERS) {
            if (NAME_HINTS.getOrDefault(carrier, List.of()).stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher matcher = CARRIER_NAMES.get(carrier).matcher(text);
            if (matcher.find()) {
                byPosition.putIfAbsent(matcher.start() * 64 + CARRIERS.indexOf(carrier),
                        Map.entry(carrier, matcher.group()));
            }
        }
        Map<String, String> named = new java.util.LinkedHashMap<>();
        byPosition.values().forEach(entry -> named.put(entry.getKey(), entry.getValue()));
        return named;
    }

    /** Lower-case letters every name of a carrier (in {@link #CARRIER_NAMES}) starts with one of. */
    private static final Map<String, List<String>> NAME_HINTS = Map.ofEntries(
            Map.entry("ups", List.of("ups", "united parcel")), Map.entry("usps", List.of("usps", "postal", "u.s. mail")),
            Map.entry("fedex", List.of("fedex", "fed ex", "federal express")), Map.entry("dhl", List.of("dhl")),
            Map.entry("dpd", List.of("dpd")),
            Map.entry("s10", List.of("royal mail", "la poste", "colissimo", "chronopost", "deutsche post", "correos",
                    "poste italiane", "postnl", "bpost", "china post", "australia post")),
            Map.entry("canada_post", List.of("canada post", "postes canada")), Map.entry("purolator", List.of("purolator")),
            Map.entry("amazon", List.of("amazon")), Map.entry("ontrac", List.of("ontrac")),
            Map.entry("lasership", List.of("lasership", "ontrac")), Map.entry("yodel", List.of("yodel")),
            Map.entry("old_dominion", List.of("odfl", "old dominion")), Map.entry("canpar", List.of("canpar")),
            Map.entry("speedee", List.of("spee")), Map.entry("gofo", List.of("gofo")),
            Map.entry("landmark", List.of("landmark")), Map.entry("yunexpress", List.of("yun")));
    private static final List<String> ALL_HINTS = NAME_HINTS.values().stream().flatMap(List::stream).distinct().toList();

    /**
     * Whether a carrier's name may start in [from, to): one of {@link #NAME_HINTS} does, which every name holds
     * (acronyms and {@code (?i:)} names are ASCII: lower-casing each character keeps them and the text's length).
     */
    private boolean mayNameCarrier(int from, int to) {
        if (hintStarts == null) {
            char[] lower = new char[text.length()];
            for (int i = 0; i < lower.length; i++) {
                lower[i] = Character.toLowerCase(text.charAt(i));
            }
            String lowerText = new String(lower);
            List<Integer> starts = new ArrayList<>();
            for (String hint : ALL_HINTS) {
                for (int at = lowerText.indexOf(hint); at >= 0; at = lowerText.indexOf(hint, at + 1)) {
                    starts.add(at);
                }
            }
            hintStarts = starts.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        int first = firstHintAtOrAfter(from);
        return first < hintStarts.length && hintStarts[first] < to;
    }

    /** The index in {@link #hintStarts} of the first hint starting at {@code from} or later. */
    private int firstHintAtOrAfter(int from) {
        int first = java.util.Arrays.binarySearch(hintStarts, from);
        if (first < 0) {
            return -first - 1;
        }
        while (first > 0 && hintStarts[first - 1] == from) {
            first--; // binarySearch finds any of equal starts
        }
        return first;
    }

    /** Whether [start, end) lies in a link or a mail address: the token around it, spaces aside, is one. */
    private boolean inLink(int start, int end) {
        int from = start;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        return spans(LINK_OR_ADDRESS, from, to).stream().anyMatch(l -> l[0] <= start && end <= l[1]);
    }

    /** Whether [from, to) holds a number of its own: digits followed by something other than spaces. */
    private boolean otherNumberBetween(int from, int to) {
        int lastDigit = -1;
        for (int i = from; i < to; i++) {
            if (Character.isDigit(text.charAt(i))) {
                lastDigit = i;
            }
        }
        for (int i = lastDigit + 1; lastDigit >= 0 && i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean afterPlus(int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '+';
    }

    /** The end of the last label that ends before {@code start} and within {@link #BEFORE} of it, or -1. */
    private int lastEndBefore(Pattern label, int start) {
        int last = -1;
        for (int[] span : spans(label, Math.max(0, start - BEFORE), start)) {
            last = Math.max(last, span[1]);
        }
        return last;
    }

    private static int letters(String number) {
        return (int) number.chars().filter(Character::isLetter).count();
    }

    /** The matches of {@code pattern} in [from, to), word boundaries judged on the whole text. */
    private List<int[]> spans(Pattern pattern, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = pattern.matcher(text).region(from, to).useTransparentBounds(true)
                .useAnchoringBounds(false);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }

    private static Map.Entry<String, Pattern> names(String carrierId, String regex) {
        return Map.entry(carrierId, Pattern.compile(regex));
    }
}
