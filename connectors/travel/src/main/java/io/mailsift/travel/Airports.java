package io.mailsift.travel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Airports and airlines by IATA code, from the OpenFlights-derived tables shipped with the connector (see
 * {@code connectors/travel/data/README.md} for source, licence and how they are generated). Loaded once; immutable.
 */
final class Airports {

    record Airport(String code, String name, String city, String country, double latitude, double longitude,
            ZoneId zone) {

        /** The schema.org Airport this code stands for. */
        Map<String, Object> toJsonLd() {
            Map<String, Object> airport = new LinkedHashMap<>();
            airport.put("@type", "Airport");
            airport.put("iataCode", code);
            airport.put("name", name);
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            address.put("addressLocality", city);
            address.put("addressCountry", country);
            airport.put("address", address);
            Map<String, Object> geo = new LinkedHashMap<>();
            geo.put("@type", "GeoCoordinates");
            geo.put("latitude", latitude);
            geo.put("longitude", longitude);
            airport.put("geo", geo);
            return airport;
        }
    }

    private static final Map<String, Airport> AIRPORTS = new HashMap<>();
    private static final Map<String, String> AIRLINES = new HashMap<>();

    static {
        read("airports.tsv", cells -> {
            try {
                AIRPORTS.put(cells[0], new Airport(cells[0], cells[1], cells[2], cells[3],
                        Double.parseDouble(cells[4]), Double.parseDouble(cells[5]), ZoneId.of(cells[6])));
            } catch (RuntimeException unknownZone) {
                // a zone this JDK does not know: the airport is left out rather than given a wrong offset
            }
        });
        read("airlines.tsv", cells -> AIRLINES.put(cells[0], cells[1]));
    }

    private Airports() {
    }

    static Optional<Airport> airport(String code) {
        return Optional.ofNullable(AIRPORTS.get(code));
    }

    static Optional<String> airline(String code) {
        return Optional.ofNullable(AIRLINES.get(code));
    }

    private static void read(String resource, java.util.function.Consumer<String[]> row) {
        try (InputStream in = Airports.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split("\t", -1);
                if (cells.length >= 2) {
                    row.accept(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
