-- Single-use tickets for real-time clients that cannot send headers. A row holds the ticket's digest
-- and the access token sealed under a key derived from the ticket, so the table alone hands out
-- nothing; it names no tenant. Redeeming deletes the row; expired rows go when the next one is saved.
CREATE TABLE realtime_tickets (
    digest       text        PRIMARY KEY CHECK (digest ~ '^[0-9a-f]{64}$'),
    sealed_token text        NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX realtime_tickets_expiry_idx ON realtime_tickets (expires_at);
GRANT SELECT, INSERT, DELETE ON realtime_tickets TO "${runtime_role}";
