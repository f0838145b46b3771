package io.mailsift.purchases.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the bundled carrier files (resources {@code couriers.list} and {@code couriers/*.json}) into formats. */
final class CarrierData {

    private CarrierData() {
    }

    /** Every format of every listed carrier, carriers in list order, formats in file order. */
    static List<TrackingFormat> load() {
        List<TrackingFormat> formats = new ArrayList<>();
        for (String file : courierFiles()) {
            formats.addAll(formatsOf(courierFile(file)));
        }
        return List.copyOf(formats);
    }

    static List<String> courierFiles() {
        return resource("couriers.list").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** One courier file as parsed JSON; the test of the test numbers reads them from here too. */
    static Map<String, Object> courierFile(String file) {
        return asObject(JsonText.parse(resource("couriers/" + file)), file);
    }

    private static List<TrackingFormat> formatsOf(Map<String, Object> courier) {
        String carrierId = string(courier, "courier_code");
        String carrierName = string(courier, "name");
        List<TrackingFormat> formats = new ArrayList<>();
        for (Object item : list(courier.get("tracking_numbers"))) {
            Map<String, Object> format = asObject(item, carrierId);
            formats.add(formatOf(carrierId, carrierName, format));
        }
        return formats;
    }

    static String formatId(Map<String, Object> format) {
        // A few formats have no id in the data: their name gives one ("UPS Waybill" -> ups_waybill).
        return format.get("id") instanceof String id ? id
                : string(format, "name").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                        .replaceAll("^_|_$", "");
    }

    private static TrackingFormat formatOf(String carrierId, String carrierName, Map<String, Object> format) {
        Object regex = format.get("regex");
        String pattern = regex instanceof List<?> parts
                ? String.join("", parts.stream().map(String.class::cast).toList()) : (String) regex;
        Map<String, Object> validation = format.get("validation") instanceof Map<?, ?> v
                ? asObject(v, carrierId) : Map.of();

        TrackingFormat.Checksum checksum = null;
        if (validation.get("checksum") instanceof Map<?, ?> c) {
            Map<String, Object> params = asObject(c, carrierId);
            checksum = new TrackingFormat.Checksum(string(params, "name"), params);
        }
        TrackingFormat.Prepend prepend = null;
        if (validation.get("serial_number_format") instanceof Map<?, ?> serialFormat
                && serialFormat.get("prepend_if") instanceof Map<?, ?> prependIf) {
            Map<String, Object> rule = asObject(prependIf, carrierId);
            prepend = new TrackingFormat.Prepend(Pattern.compile(string(rule, "matches_regex")),
                    string(rule, "content"));
        }
        List<TrackingFormat.Lookup> lookups = new ArrayList<>();
        for (Object item : list(format.get("additional"))) {
            Map<String, Object> additional = asObject(item, carrierId);
            lookups.add(new TrackingFormat.Lookup(string(additional, "name"),
                    string(additional, "regex_group_name"),
                    list(additional.get("lookup")).stream().map(entry -> asObject(entry, carrierId)).toList()));
        }
        List<String> mustExist = validation.get("additional") instanceof Map<?, ?> additional
                ? list(additional.get("exists")).stream().map(String.class::cast).toList() : List.of();
        List<TrackingFormat.Lookup> required = lookups.stream().filter(l -> mustExist.contains(l.name())).toList();
        TrackingFormat.Lookup courier = lookups.stream().filter(l -> l.name().equals("Courier")).findFirst()
                .orElse(null);
        Pattern compiled = Pattern.compile("(?:" + pattern + ")");
        int[] length = PatternLength.of(pattern);
        return new TrackingFormat(carrierId, carrierName, formatId(format), string(format, "name"), compiled,
                Set.copyOf(compiled.namedGroups().keySet()), length[0], length[1], checksum, prepend, required, courier,
                format.get("tracking_url") instanceof String url ? url : null);
    }

    private static String resource(String name) {
        try (InputStream in = CarrierData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled tracking data " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(@Nullable Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("Bundled tracking data " + where + ": expected an object");
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static String string(Map<String, Object> object, String name) {
        if (object.get(name) instanceof String value) {
            return value;
        }
        throw new IllegalStateException("Bundled tracking data: expected a string " + name);
    }
}
