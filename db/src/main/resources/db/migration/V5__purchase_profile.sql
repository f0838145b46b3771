-- The shopper profile (docs/profile.md): rows derived from the purchase connector's Order findings, rebuilt per user
-- by the app. Every row refers to the mailbox and the finding it came from with ON DELETE CASCADE, so that unlinking a
-- mailbox (or a finding going away) takes what was derived from it in the same transaction.

-- One row per Order finding, cancelled and returned ones included (they count for nothing but are shown).
CREATE TABLE purchase_orders (
    finding_id    BIGINT      PRIMARY KEY REFERENCES findings (id) ON DELETE CASCADE,
    account_id    BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    merchant      TEXT        NOT NULL,
    order_number  TEXT,
    order_date    DATE        NOT NULL,
    status        TEXT        NOT NULL,
    -- false for cancelled and returned (refunded) orders: they are no spend.
    counts        BOOLEAN     NOT NULL,
    -- Exact decimals in the order's own currency (ISO 4217); never converted. NULL when the order gave no total.
    total         NUMERIC(19, 4),
    currency      TEXT
);

CREATE INDEX purchase_orders_user_idx ON purchase_orders (user_id, order_date);

-- What a counted order's total was spent on: its items, and the rest (shipping, tax, items without a price) under the
-- merchant's category, so that an order's lines add up to its total. item_key is the normalized item name that repeat
-- purchases and co-purchases compare; NULL on the rest line.
CREATE TABLE purchase_lines (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id    BIGINT      NOT NULL REFERENCES purchase_orders (finding_id) ON DELETE CASCADE,
    account_id    BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_key      TEXT,
    item_name     TEXT,
    category      TEXT        NOT NULL,
    quantity      NUMERIC(19, 4),
    -- 0 for an item without a price of the order's currency (its cost is in the rest line).
    amount        NUMERIC(19, 4) NOT NULL DEFAULT 0,
    -- NULL when the order said no currency: its items still count as purchases, not as spend.
    currency      TEXT,
    order_date    DATE        NOT NULL
);

CREATE INDEX purchase_lines_user_idx ON purchase_lines (user_id, item_key);
-- Co-purchases look up who else bought an item.
CREATE INDEX purchase_lines_item_idx ON purchase_lines (item_key, user_id) WHERE item_key IS NOT NULL;

-- Items a user buys again and again at a regular interval. Derived from several mailboxes at once: the mailboxes are
-- listed, and deleting one of them deletes the rows it contributed to (trigger below) before the app rebuilds them.
CREATE TABLE repeat_purchases (
    user_id            BIGINT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_key           TEXT     NOT NULL,
    item_name          TEXT     NOT NULL,
    category           TEXT     NOT NULL,
    purchases          INTEGER  NOT NULL CHECK (purchases >= 3),
    interval_days      INTEGER  NOT NULL CHECK (interval_days > 0),
    -- Median absolute deviation of the intervals from their median, in days.
    spread_days        INTEGER  NOT NULL CHECK (spread_days >= 0),
    first_date         DATE     NOT NULL,
    last_date          DATE     NOT NULL,
    next_expected      DATE     NOT NULL,
    source_account_ids BIGINT[] NOT NULL,
    PRIMARY KEY (user_id, item_key)
);

CREATE INDEX repeat_purchases_sources_idx ON repeat_purchases USING gin (source_account_ids);

CREATE FUNCTION forget_repeat_purchases_of_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM repeat_purchases WHERE user_id = OLD.user_id AND source_account_ids @> ARRAY[OLD.id];
    RETURN OLD;
END;
$$;

CREATE TRIGGER mail_accounts_forget_repeat_purchases
    BEFORE DELETE ON mail_accounts
    FOR EACH ROW EXECUTE FUNCTION forget_repeat_purchases_of_account();
