package io.mailsift.trip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mailsift.finding.UserFindingsLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's trips in PostgreSQL: rebuilt from their reservations in one transaction per user (under the user's
 * {@link UserFindingsLock}, so that two nodes rebuilding the same user take turns and the later one sees everything the
 * earlier one saw, and a deletion of the user's findings waits for a rebuild instead of deadlocking with it), and
 * read back with their reservations. Every read and write is scoped by user.
 */
@Component
public class TripStore {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /** A user's reservations: only from mailboxes whose owner let the finding's connector read them. */
    private static final String RESERVATIONS = """
            SELECT f.id, f.finding_key, f.type, f.payload::text, f.updated_at
            FROM findings f
            JOIN mail_accounts a ON a.id = f.account_id
            JOIN account_connectors c ON c.account_id = f.account_id AND c.connector_id = f.connector_id
            WHERE a.user_id = :userId AND f.type IN (:types)
            ORDER BY f.id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    TripStore(JdbcClient jdbc, JsonMapper json, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = transaction;
    }

    /** A stored trip: its id and the trip. */
    public record StoredTrip(long id, Trip trip) {
    }

    /**
     * Every reservation of the user that can be placed in time, cancelled ones included: one segment per leg, with
     * the passengers of its per-passenger findings ({@link SharedLegs}).
     */
    public List<Segment> reservations(long userId) {
        return SharedLegs.merged(jdbc.sql(RESERVATIONS)
                .param("userId", userId)
                .param("types", List.copyOf(Reservations.TYPES.keySet()))
                .query(this::segment)
                .list().stream().flatMap(Optional::stream).toList());
    }

    /** The user's stored trips, by start, each with its reservations (a reservation gone since is left out). */
    public List<StoredTrip> trips(long userId) {
        record Row(long tripId, String title, @Nullable String destination, LocalDate startsOn, LocalDate endsOn,
                Instant startsAt, Instant endsAt, Optional<Segment> segment) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT t.id AS trip_id, t.title, t.destination, t.starts_on, t.ends_on, t.starts_at, t.ends_at,
                       f.id, f.finding_key, f.type, f.payload::text, f.updated_at
                FROM trips t
                JOIN trip_reservations r ON r.trip_id = t.id
                JOIN findings f ON f.id = r.finding_id
                WHERE t.user_id = :userId
                ORDER BY t.starts_at, t.id, r.position, f.id""")
                .param("userId", userId)
                .query((row, n) -> new Row(row.getLong("trip_id"), row.getString("title"),
                        row.getString("destination"), row.getObject("starts_on", LocalDate.class),
                        row.getObject("ends_on", LocalDate.class), row.getTimestamp("starts_at").toInstant(),
                        row.getTimestamp("ends_at").toInstant(), segment(row, n)))
                .list();
        Map<Long, List<Row>> byTrip = new LinkedHashMap<>();
        rows.forEach(row -> byTrip.computeIfAbsent(row.tripId(), id -> new ArrayList<>()).add(row));
        List<StoredTrip> trips = new ArrayList<>();
        byTrip.forEach((id, tripRows) -> {
            Row first = tripRows.getFirst();
            // a leg's findings share its position: merged again as the rebuild merged them
            List<Segment> segments = SharedLegs.merged(
                    tripRows.stream().flatMap(row -> row.segment().stream()).toList());
            if (!segments.isEmpty()) {
                trips.add(new StoredTrip(id, new Trip(first.title(), first.destination() == null ? ""
                        : first.destination(), segments, first.startsOn(), first.endsOn(), first.startsAt(),
                        first.endsAt())));
            }
        });
        return trips;
    }

    /** The home the user configured (a city or an airport code), if any. */
    public Optional<String> configuredHome(long userId) {
        return jdbc.sql("SELECT home FROM trip_homes WHERE user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .optional();
    }

    /** Sets the user's home; {@code null} or blank removes it (home is inferred again). Rebuilds the trips. */
    public void configureHome(long userId, @Nullable String home) {
        if (home == null || home.isBlank()) {
            jdbc.sql("DELETE FROM trip_homes WHERE user_id = :userId").param("userId", userId).update();
        } else {
            jdbc.sql("""
                    INSERT INTO trip_homes (user_id, home) VALUES (:userId, :home)
                    ON CONFLICT (user_id) DO UPDATE SET home = EXCLUDED.home, updated_at = now()""")
                    .param("userId", userId)
                    .param("home", home.strip())
                    .update();
        }
        rebuild(userId);
    }

    /** The home the grouping uses: the configured one, else the one inferred from the reservations. */
    public Optional<Place> home(long userId) {
        return configuredHome(userId).map(Place::city)
                .or(() -> TripGrouping.inferHome(reservations(userId)));
    }

    /**
     * Groups the user's reservations afresh and replaces their trips, in one transaction. Idempotent; safe to run on
     * several nodes at once. Returns the trips.
     */
    public List<Trip> rebuild(long userId) {
        return transaction.execute(status -> {
            UserFindingsLock.hold(jdbc, userId);
            List<Trip> trips = TripGrouping.group(reservations(userId), configuredHome(userId).map(Place::city));
            jdbc.sql("DELETE FROM trips WHERE user_id = :userId").param("userId", userId).update();
            for (Trip trip : trips) {
                long tripId = jdbc.sql("""
                        INSERT INTO trips (user_id, title, destination, starts_on, ends_on, starts_at, ends_at)
                        VALUES (:userId, :title, :destination, :startsOn, :endsOn, :startsAt, :endsAt)
                        RETURNING id""")
                        .param("userId", userId)
                        .param("title", trip.title())
                        .param("destination", trip.destination())
                        .param("startsOn", trip.startsOn())
                        .param("endsOn", trip.endsOn())
                        .param("startsAt", trip.startsAt().atOffset(ZoneOffset.UTC))
                        .param("endsAt", trip.endsAt().atOffset(ZoneOffset.UTC))
                        .query(Long.class)
                        .single();
                int position = 0;
                for (Segment segment : trip.segments()) {
                    for (long findingId : segment.findingIds()) { // each passenger's finding of the leg
                        jdbc.sql("""
                                INSERT INTO trip_reservations (trip_id, finding_id, position)
                                VALUES (:tripId, :findingId, :position)""")
                                .param("tripId", tripId)
                                .param("findingId", findingId)
                                .param("position", position)
                                .update();
                    }
                    position++;
                }
            }
            return trips;
        });
    }

    /** Users with at least one reservation, to build trips for findings stored before trips existed. */
    List<Long> usersWithReservations() {
        return jdbc.sql("""
                SELECT DISTINCT a.user_id FROM findings f JOIN mail_accounts a ON a.id = f.account_id
                WHERE f.type IN (:types)""")
                .param("types", List.copyOf(Reservations.TYPES.keySet()))
                .query(Long.class)
                .list();
    }

    private Optional<Segment> segment(ResultSet row, int rowNumber) throws SQLException {
        Map<String, Object> payload = json.readValue(row.getString("payload"), JSON_OBJECT);
        return Reservations.segment(row.getLong("id"), row.getString("finding_key"), row.getString("type"), payload,
                row.getTimestamp("updated_at").toInstant());
    }
}
