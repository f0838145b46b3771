-- Trips: a user's travel reservations grouped by time and place (rebuilt by the app whenever the user's findings
-- change), the home they travel from, and the secret address of their iCalendar feed. Every row hangs off users or
-- findings with ON DELETE CASCADE: unlinking a mailbox takes its findings, and with them their places in trips.

CREATE TABLE trips (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title         TEXT        NOT NULL,
    destination   TEXT,
    -- Local dates of the first departure and the last arrival, as the traveller's calendar shows them.
    starts_on     DATE        NOT NULL,
    ends_on       DATE        NOT NULL CHECK (ends_on >= starts_on),
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    computed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX trips_user_idx ON trips (user_id, starts_at);

CREATE TABLE trip_reservations (
    trip_id       BIGINT      NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    finding_id    BIGINT      NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    -- Order of the segment in its trip (by start).
    position      INTEGER     NOT NULL,
    PRIMARY KEY (trip_id, finding_id)
);

CREATE INDEX trip_reservations_finding_idx ON trip_reservations (finding_id);

-- Where the user lives, as they typed it (a city name or an IATA airport code); no row: inferred from the trips.
CREATE TABLE trip_homes (
    user_id       BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    home          TEXT        NOT NULL CHECK (length(home) BETWEEN 1 AND 200),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The user's iCalendar feed: the address holds a random secret, stored only as its SHA-256 hash. At most one live
-- feed per user; rotating revokes the old address.
CREATE TABLE calendar_feeds (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_hash   BYTEA       NOT NULL UNIQUE,
    secret_prefix TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);

CREATE UNIQUE INDEX calendar_feeds_one_live_per_user ON calendar_feeds (user_id) WHERE revoked_at IS NULL;
