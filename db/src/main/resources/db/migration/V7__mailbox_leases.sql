-- Mailbox leases: each mail account is watched by at most one app node at a time (docs/adr/0003-mailbox-leases.md).
-- One row per account, created with the account (trigger below) and deleted with it: a free lease has no node_id.
-- A node claims free or expired rows with FOR UPDATE SKIP LOCKED, renews the rows it holds every renew interval, and
-- frees them on a graceful shutdown. Times are the database's clock only, so nodes' clocks need not agree.
CREATE TABLE mailbox_leases (
    account_id        BIGINT      PRIMARY KEY REFERENCES mail_accounts (id) ON DELETE CASCADE,
    node_id           TEXT,
    acquired_at       TIMESTAMPTZ,
    renewed_at        TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ,
    -- Set by a node that was asked to wake a mailbox it does not hold; the holder wakes its watchers at its next
    -- renewal and clears it.
    wake_requested_at TIMESTAMPTZ,
    CHECK ((node_id IS NULL) = (expires_at IS NULL))
);

CREATE INDEX mailbox_leases_node ON mailbox_leases (node_id);

INSERT INTO mailbox_leases (account_id) SELECT id FROM mail_accounts;

CREATE FUNCTION mailbox_lease_for_new_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO mailbox_leases (account_id) VALUES (NEW.id);
    RETURN NEW;
END
$$;

CREATE TRIGGER mailbox_lease_for_new_account AFTER INSERT ON mail_accounts
    FOR EACH ROW EXECUTE FUNCTION mailbox_lease_for_new_account();

-- Nodes alive: each node renews its row with its leases. The fair share is ceil(accounts to watch / live nodes),
-- and a node that holds no lease yet must count too, which the lease rows alone cannot show.
CREATE TABLE lease_nodes (
    node_id    TEXT        PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    renewed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);
