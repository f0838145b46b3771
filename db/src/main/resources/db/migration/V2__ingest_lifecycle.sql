-- Ingestion lifecycle: backfill window and progress per folder, account health timestamps, mailbox events.

-- The backfill window of a folder, fixed when the folder is first linked (or its UIDVALIDITY changed), so that a
-- restart resumes the same window: messages with UIDs up to backfill_until_uid are processed only when they arrived
-- on or after backfill_since; every later UID is live mail and always processed.
ALTER TABLE folder_checkpoints
    ADD COLUMN backfill_since      TIMESTAMPTZ,
    ADD COLUMN backfill_until_uid  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN backfill_total      BIGINT NOT NULL DEFAULT 0 CHECK (backfill_total >= 0),
    ADD COLUMN backfill_done       BIGINT NOT NULL DEFAULT 0 CHECK (backfill_done >= 0),
    ADD COLUMN backfill_started_at TIMESTAMPTZ;

ALTER TABLE mail_accounts
    ADD COLUMN last_success_at TIMESTAMPTZ,
    ADD COLUMN last_error_at   TIMESTAMPTZ;

ALTER TABLE mail_accounts
    ADD CONSTRAINT mail_accounts_state_check CHECK (state IN
        ('connecting', 'backfilling', 'idle', 'polling', 'backoff', 'auth_failed', 'disabled'));

-- What happened to a mailbox folder that the user or operator should be able to see afterwards.
CREATE TABLE mailbox_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    folder      TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('uidvalidity_changed')),
    old_value   TEXT,
    new_value   TEXT,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX mailbox_events_account_idx ON mailbox_events (account_id, occurred_at DESC);
