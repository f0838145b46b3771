package io.mailsift.purchases.tracking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One number format of one carrier, read from the bundled data: the pattern a number must match in full, the
 * check digit it must pass (if any), the lookups some of its parts must be found in, and the tracking URL.
 */
record TrackingFormat(String carrierId, String carrierName, String id, String name, Pattern pattern,
        Set<String> groups, int shortest, int longest, @Nullable Checksum checksum, @Nullable Prepend prepend, List<Lookup> requiredLookups,
        @Nullable Lookup courierLookup, @Nullable String urlTemplate) {

    /** A check-digit algorithm with its parameters (multipliers, weightings, moduli). */
    record Checksum(String algorithm, Map<String, Object> params) {
    }

    /** Digits the serial gets in front before its check digit is computed, when it matches {@code when}. */
    record Prepend(Pattern when, String content) {
    }

    /** A table of known values of one named part of the number (service types, country codes). */
    record Lookup(String name, String group, List<Map<String, Object>> entries) {

        Optional<Map<String, Object>> entryFor(String value) {
            for (Map<String, Object> entry : entries) {
                if (entry.get("matches") instanceof String exact && exact.equals(value)) {
                    return Optional.of(entry);
                }
                if (entry.get("matches_regex") instanceof String regex && Pattern.compile(regex).matcher(value).find()) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }
    }

    boolean hasChecksum() {
        return checksum != null;
    }

    /**
     * The tracking number {@code compact} is in this format, if it matches the whole pattern, passes the check
     * digit and has its required parts in their lookups. {@code compact} is without whitespace and in capitals.
     */
    Optional<TrackingNumber> match(String compact) {
        if (compact.length() < shortest || compact.length() > longest) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(compact);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (checksum != null) {
            String serial = group(matcher, "SerialNumber");
            String checkDigit = group(matcher, "CheckDigit");
            if (prepend != null && prepend.when().matcher(serial).find()) {
                serial = prepend.content() + serial;
            }
            if (!CheckDigits.validates(checksum.algorithm(), checksum.params(), serial, checkDigit)) {
                return Optional.empty();
            }
        }
        for (Lookup lookup : requiredLookups) {
            if (lookup.entryFor(group(matcher, lookup.group())).isEmpty()) {
                return Optional.empty();
            }
        }
        String carrier = carrierName;
        if (courierLookup != null) {
            carrier = courierLookup.entryFor(group(matcher, courierLookup.group()))
                    .map(entry -> entry.get("courier"))
                    .filter(String.class::isInstance).map(String.class::cast)
                    .orElse(carrierName);
        }
        String url = urlTemplate == null ? null : urlTemplate.replace("%s", compact);
        return Optional.of(new TrackingNumber(carrierId, carrier, id, name, compact, url, checksum != null));
    }

    /** A named part of the matched number, which has no spaces left; empty if the format has no such part. */
    private String group(Matcher matcher, String name) {
        if (!groups.contains(name)) {
            return "";
        }
        String value = matcher.group(name);
        return value == null ? "" : value;
    }
}
