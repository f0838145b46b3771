-- Catch-ups: a connector consented for a folder that was already read is given the folder's backfill window again,
-- alone. One row per account, folder and connector that has been given the window: a row with finished_at set says
-- the connector has seen everything up to until_uid (or came with the folder's own backfill); no row for a consented
-- connector means the watcher fixes a catch-up for it at its next round boundary. The row goes with the consent
-- (disabling the connector ends its catch-up; enabling it again starts a new one) and with the account.
CREATE TABLE connector_catchups (
    account_id   BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    folder       TEXT        NOT NULL,
    connector_id TEXT        NOT NULL,
    uid_validity BIGINT      NOT NULL,
    -- The window: messages that arrived on or after since (NULL: all) with a UID up to until_uid.
    since        TIMESTAMPTZ,
    until_uid    BIGINT      NOT NULL DEFAULT 0 CHECK (until_uid >= 0),
    -- Progress: every message of the window up to last_uid is committed for this connector.
    last_uid     BIGINT      NOT NULL DEFAULT 0 CHECK (last_uid >= 0),
    total        BIGINT      NOT NULL DEFAULT 0 CHECK (total >= 0),
    done         BIGINT      NOT NULL DEFAULT 0 CHECK (done >= 0),
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, folder, connector_id),
    FOREIGN KEY (account_id, connector_id) REFERENCES account_connectors (account_id, connector_id) ON DELETE CASCADE
);

-- Folders read before this migration were read for the connectors consented now: nothing to catch up for them.
INSERT INTO connector_catchups (account_id, folder, connector_id, uid_validity, finished_at)
SELECT c.account_id, c.folder, ac.connector_id, c.uid_validity, now()
FROM folder_checkpoints c JOIN account_connectors ac ON ac.account_id = c.account_id;
