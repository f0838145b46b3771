-- Mailsift schema, version 1. Raw mail is never stored: only findings and the minimal provenance that explains them.

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT        NOT NULL UNIQUE,
    display_name  TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE mail_accounts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- A name unique per user; accounts declared in configuration are matched by it on every start.
    name          TEXT        NOT NULL,
    host          TEXT        NOT NULL,
    port          INTEGER     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    security      TEXT        NOT NULL CHECK (security IN ('none', 'starttls', 'tls')),
    username      TEXT        NOT NULL,
    -- 'config': credentials live in the app's configuration and are never copied here.
    source        TEXT        NOT NULL DEFAULT 'config' CHECK (source IN ('config', 'user')),
    state         TEXT        NOT NULL DEFAULT 'connecting',
    last_error    TEXT,
    state_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (user_id, name)
);

-- Progress per folder, by UID, never in the mailbox. A UIDVALIDITY change starts the folder over.
CREATE TABLE folder_checkpoints (
    account_id    BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    folder        TEXT        NOT NULL,
    uid_validity  BIGINT      NOT NULL,
    last_uid      BIGINT      NOT NULL DEFAULT 0 CHECK (last_uid >= 0),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, folder)
);

CREATE TABLE findings (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    connector_id  TEXT        NOT NULL,
    finding_key   TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    payload       JSONB       NOT NULL,
    -- Provenance of the message the finding was last taken from.
    message_id    TEXT,
    message_date  TIMESTAMPTZ,
    sender_domain TEXT,
    folder        TEXT,
    uid           BIGINT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, connector_id, finding_key)
);

CREATE INDEX findings_account_type_idx ON findings (account_id, type);
CREATE INDEX findings_updated_idx ON findings (updated_at DESC);

-- A message that could not be parsed, or that made a connector fail; recorded, skipped, never blocking the folder.
CREATE TABLE connector_errors (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT      REFERENCES mail_accounts (id) ON DELETE CASCADE,
    folder        TEXT,
    uid           BIGINT,
    message_id    TEXT,
    -- NULL when the message failed before any connector ran (parse errors, size limits).
    connector_id  TEXT,
    kind          TEXT        NOT NULL CHECK (kind IN ('parse', 'connector', 'timeout', 'oversized')),
    reason        TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX connector_errors_account_idx ON connector_errors (account_id, occurred_at DESC);
