package io.mailsift.purchases;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mailsift.purchases.tracking.TrackingNumber;
import io.mailsift.purchases.tracking.TrackingNumbers;

/**
 * Parcels of mails without markup: a tracking number counts only when its check digit is right for a carrier the
 * mail itself names, in its subject or text ("shipped with UPS", "Colissimo"), as its sender ({@code ups.com}), or as
 * the host of one of its links ({@code www.fedex.com/fedextrack?…}). The carrier a number's data would guess alone
 * (the first format it fits, the national post of an S10 number) is not enough: measured, it was wrong one time in
 * six (docs/benchmarks.md, issue 6). Formats without a check digit (Amazon Logistics, LaserShip, …) give no parcel.
 */
final class TextParcels {

    private static final java.util.regex.Pattern TRACKING_LABEL = java.util.regex.Pattern.compile(
            "(?iU)(?<![\\p{L}])(?:tracking|track|sendungsnummer|sendungsverfolgung|paketnummer|trackingnummer"
                    + "|num[ée]ro\\s+de\\s+suivi|suivi|n[°º]\\s+de\\s+colis|waybill|air\\s*waybill|awb)");

    private TextParcels() {
    }

    /**
     * The parcels, as schema.org {@code ParcelDelivery} maps (tracking number, carrier as {@code provider} and
     * {@code carrier}, {@code deliveryStatus}, {@code trackingUrl}); the caller adds {@code partOfOrder}.
     */
    static List<Map<String, Object>> find(String subject, String text, List<String> links,
            Optional<String> senderCarrier, java.util.function.Supplier<Optional<String>> statusOfTheMail) {
        TrackingNumbers.Candidates candidates = TrackingNumbers.candidates(text);
        if (!candidates.anyCheckDigitVerified()) {
            return List.of(); // a parcel needs a number that passed its check digit: the names need no search
        }
        Map<String, String> named = new LinkedHashMap<>(TrackingNumbers.carriersNamedIn(subject + "\n" + text));
        Map<String, String> linked = new LinkedHashMap<>();
        for (String link : links) {
            host(link).flatMap(TrackingNumbers::carrierOfSender).ifPresent(carrier -> linked.putIfAbsent(carrier, link));
        }
        List<Map<String, Object>> parcels = new ArrayList<>();
        List<TrackingNumber> numbers = new ArrayList<>(TrackingNumbers.find(candidates, senderCarrier.stream().toList()));
        // A carrier the mail names away from the number ("sent with DPD" above, the number below) counts for a
        // number on a tracking-labelled line: the number's data then has to agree with that carrier.
        List<String> mailCarriers = new ArrayList<>(named.keySet());
        linked.keySet().forEach(carrier -> {
            if (!mailCarriers.contains(carrier)) {
                mailCarriers.add(carrier);
            }
        });
        senderCarrier.filter(carrier -> !mailCarriers.contains(carrier)).ifPresent(mailCarriers::add);
        mailCarriers.retainAll(TrackingNumbers.carrierIds());
        if (!mailCarriers.isEmpty()) {
            for (TrackingNumber number : TrackingNumbers.find(candidates, mailCarriers)) {
                boolean known = numbers.stream().anyMatch(each -> each.number().equals(number.number()));
                if (!known && onTrackingLine(text, number.number())) {
                    numbers.add(number);
                }
            }
        }
        Optional<String> status = null;
        for (TrackingNumber number : numbers) {
            String carrier = number.carrierId();
            boolean namedByMail = named.containsKey(carrier) || linked.containsKey(carrier)
                    || senderCarrier.filter(carrier::equals).isPresent();
            if (!number.checkDigitVerified() || !namedByMail) {
                continue;
            }
            Map<String, Object> parcel = new LinkedHashMap<>();
            parcel.put("@type", PurchaseExtractor.PARCEL);
            parcel.put("trackingNumber", number.number());
            // An S10 number is a post's: the mail's name for it ("Colissimo", "Royal Mail") says which service.
            String carrierName = carrier.equals("s10") && named.containsKey("s10") ? named.get("s10")
                    : number.carrierName();
            parcel.put("provider", TextPurchaseExtractor.organization(carrierName));
            parcel.put("carrier", TextPurchaseExtractor.organization(carrierName));
            if (status == null) {
                status = statusOfTheMail.get(); // read once, and only when there is a parcel
            }
            status.ifPresent(each -> {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("@type", "DeliveryEvent");
                event.put("name", each);
                parcel.put("deliveryStatus", event);
            });
            trackingUrl(number, links).ifPresent(url -> parcel.put("trackingUrl", url));
            parcels.add(parcel);
        }
        return parcels;
    }

    /** Whether the number's line, or the line before it, says it is a tracking number. */
    private static boolean onTrackingLine(String text, String number) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (TrackingNumbers.compact(lines[i]).contains(number)) {
                return TRACKING_LABEL.matcher(lines[i]).find() || i > 0 && TRACKING_LABEL.matcher(lines[i - 1]).find();
            }
        }
        return false;
    }

    /** The mail's own link to this number's page, else the carrier's tracking page for it. */
    private static Optional<String> trackingUrl(TrackingNumber number, List<String> links) {
        for (String link : links) {
            if (link.replace("%20", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT).contains(number.number())) {
                return Optional.of(link);
            }
        }
        return Optional.ofNullable(number.trackingUrl());
    }

    private static Optional<String> host(String link) {
        try {
            return Optional.ofNullable(URI.create(link.strip()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
