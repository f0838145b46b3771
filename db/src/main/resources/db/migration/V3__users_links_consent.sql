-- Users who sign in, mailboxes they link themselves, the secrets those need (encrypted), and per-connector consent.
-- Every row derived from a mailbox references mail_accounts with ON DELETE CASCADE, so that unlinking an account is
-- one DELETE in one transaction.

-- Sign-in: a local password (a modern hash, never the password) and/or an OpenID Connect identity.
ALTER TABLE users
    ADD COLUMN email         TEXT,
    ADD COLUMN password_hash TEXT,
    ADD COLUMN is_admin      BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN oidc_issuer   TEXT,
    ADD COLUMN oidc_subject  TEXT,
    ADD COLUMN disabled_at   TIMESTAMPTZ,
    ADD COLUMN last_sign_in_at TIMESTAMPTZ,
    ADD CONSTRAINT users_oidc_identity_unique UNIQUE (oidc_issuer, oidc_subject),
    ADD CONSTRAINT users_oidc_identity_pair CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));

-- Personal access tokens for the REST API: shown once, stored only as a SHA-256 hash.
CREATE TABLE personal_access_tokens (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT        NOT NULL,
    token_hash    BYTEA       NOT NULL UNIQUE,
    -- The first characters of the token, enough for the user to recognise it in a list.
    token_prefix  TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);

CREATE INDEX personal_access_tokens_user_idx ON personal_access_tokens (user_id);

-- How a linked mailbox signs in, and what it is.
ALTER TABLE mail_accounts
    ADD COLUMN provider    TEXT   NOT NULL DEFAULT 'imap' CHECK (provider IN ('imap', 'outlook')),
    ADD COLUMN auth_method TEXT   NOT NULL DEFAULT 'password' CHECK (auth_method IN ('password', 'xoauth2')),
    ADD COLUMN address     TEXT,
    ADD COLUMN folders     TEXT[] NOT NULL DEFAULT '{INBOX}',
    ADD COLUMN tls_trust   TEXT   NOT NULL DEFAULT 'system';

ALTER TABLE mail_accounts DROP CONSTRAINT mail_accounts_state_check;
ALTER TABLE mail_accounts ADD CONSTRAINT mail_accounts_state_check CHECK (state IN
    ('connecting', 'backfilling', 'idle', 'polling', 'backoff', 'auth_failed', 'relink_required', 'disabled'));

-- Secrets of user-linked accounts, AES-GCM encrypted: ciphertext = 12-byte nonce || ciphertext || 16-byte tag, under
-- the key named by key_id, with the account id and kind as associated data (a row copied to another account or kind
-- does not decrypt). Configured accounts keep their password in configuration and have no row here.
CREATE TABLE account_secrets (
    account_id  BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL CHECK (kind IN ('imap_password', 'refresh_token', 'access_token')),
    key_id      TEXT        NOT NULL,
    ciphertext  BYTEA       NOT NULL,
    -- Access tokens: when the token stops working. Refreshed before then.
    expires_at  TIMESTAMPTZ,
    -- Bumped on every rotation, so that a concurrent writer can tell it lost the race.
    version     BIGINT      NOT NULL DEFAULT 1,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, kind)
);

CREATE INDEX account_secrets_key_idx ON account_secrets (key_id);

-- Consent: which connectors may read which account. No row, no reading (user-linked accounts start with none).
CREATE TABLE account_connectors (
    account_id   BIGINT      NOT NULL REFERENCES mail_accounts (id) ON DELETE CASCADE,
    connector_id TEXT        NOT NULL,
    enabled_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, connector_id)
);
