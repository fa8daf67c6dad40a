-- Stored answers are sealed under a key derived from the client's key text, which is no longer
-- stored: a key is found by the SHA-256 digest of its text. Rows written before this version hold
-- the text and the answer in clear and cannot be matched by digest; they are dropped (a retry within
-- their 24 hours runs its request again) rather than kept readable.
DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys RENAME COLUMN key TO key_digest;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_key_check;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_key_digest_check CHECK (key_digest ~ '^[0-9a-f]{64}$');

-- Keys of requests sent without a token (sign-up, sign-in, refresh, accepting an invitation): global,
-- like the accounts they create or sign in to, and tied to no tenant or account, because the request
-- names none the server may trust before it has run. Their answers hold tokens, sealed like the rest.
CREATE TABLE anonymous_idempotency_keys (
    key_digest            text        PRIMARY KEY CHECK (key_digest ~ '^[0-9a-f]{64}$'),
    reservation           uuid        NOT NULL,
    request_hash          text        NOT NULL,
    response_status       integer,
    response_content_type text,
    response_body         bytea,
    created_at            timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL,
    CONSTRAINT anonymous_idempotency_keys_response_complete
        CHECK ((response_status IS NULL) = (response_body IS NULL))
);
CREATE INDEX anonymous_idempotency_keys_expiry_idx ON anonymous_idempotency_keys (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON anonymous_idempotency_keys TO "${runtime_role}";
GRANT SELECT, DELETE ON anonymous_idempotency_keys TO "${worker_role}";
