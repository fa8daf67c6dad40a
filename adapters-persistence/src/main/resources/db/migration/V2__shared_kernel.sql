-- Shared kernel: tenants, global accounts, memberships, the transactional outbox, consumer
-- bookkeeping, the append-only audit trail and idempotency keys.
--
-- Every tenant-owned table: tenant_id NOT NULL, RLS enabled AND forced, one policy comparing
-- tenant_id with the unit of work's tenant. "(SELECT app_current_tenant())" is an init-plan,
-- evaluated once per statement rather than once per row.

CREATE TABLE tenants (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
    USING (id = (SELECT app_current_tenant()))
    WITH CHECK (id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE ON tenants TO "${runtime_role}";

-- Global: one login for many organizations; holds no tenant data.
CREATE TABLE accounts (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    password_hash text        NOT NULL,
    first_name    text        NOT NULL CHECK (char_length(first_name) <= 100),
    last_name     text        NOT NULL CHECK (char_length(last_name) <= 100),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));
GRANT SELECT, INSERT, UPDATE ON accounts TO "${runtime_role}";

CREATE TABLE memberships (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    account_id uuid        NOT NULL REFERENCES accounts (id),
    role       text        NOT NULL CHECK (role IN ('ADMIN', 'COACH', 'ATHLETE', 'SCHEDULER')),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, account_id)
);
CREATE INDEX memberships_tenant_joined_idx ON memberships (tenant_id, joined_at, account_id);
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON memberships
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO "${runtime_role}";

CREATE TABLE outbox_events (
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    sequence_number bigint      GENERATED ALWAYS AS IDENTITY,
    type            text        NOT NULL,
    subject_type    text        NOT NULL,
    subject_id      uuid        NOT NULL,
    payload         jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    published_at    timestamptz,
    dead_at         timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_events_tenant_pending_idx ON outbox_events (tenant_id, occurred_at, sequence_number)
    WHERE published_at IS NULL AND dead_at IS NULL;
ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_events
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE ON outbox_events TO "${runtime_role}";

CREATE TABLE processed_events (
    tenant_id    uuid        NOT NULL,
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, consumer, event_id)
);
ALTER TABLE processed_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE processed_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON processed_events
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT ON processed_events TO "${runtime_role}";

-- Append-only: the runtime role may only insert and read, and a trigger refuses changes from
-- anyone else too (the owner included), so history cannot be rewritten by a leaked credential.
CREATE TABLE audit_events (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    action      text        NOT NULL,
    actor_id    uuid,
    target_type text,
    target_id   text,
    ip          inet,
    details     jsonb       NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_events_tenant_time_idx ON audit_events (tenant_id, occurred_at DESC, id DESC);
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_events
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT ON audit_events TO "${runtime_role}";

CREATE FUNCTION audit_events_reject_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change();

CREATE TABLE idempotency_keys (
    tenant_id       uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    key             text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    request_hash    text        NOT NULL,
    response_status integer,
    response_body   bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account_id, key)
);
CREATE INDEX idempotency_keys_tenant_expiry_idx ON idempotency_keys (tenant_id, expires_at);
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_keys
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO "${runtime_role}";
