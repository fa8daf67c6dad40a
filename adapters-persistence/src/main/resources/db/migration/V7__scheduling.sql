-- Scheduling: coaches' weekly availability, sessions that can never overlap for one coach, the
-- reminders the scheduler has sent, and the secret calendar-feed tokens.

-- btree_gist lets one GiST index compare uuids with = and time ranges with &&. It lives in its own
-- schema so its many operator functions stay out of public (and out of the generated jOOQ classes).
CREATE SCHEMA IF NOT EXISTS ext;
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA ext;

CREATE TABLE availabilities (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    coach_id   uuid        NOT NULL REFERENCES accounts (id),
    time_zone  text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, coach_id)
);
ALTER TABLE availabilities ENABLE ROW LEVEL SECURITY;
ALTER TABLE availabilities FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON availabilities
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON availabilities TO "${runtime_role}";

-- Wall-clock hours per weekday (ISO: 1 = Monday) in the availability's zone.
CREATE TABLE availability_slots (
    tenant_id   uuid    NOT NULL,
    coach_id    uuid    NOT NULL,
    day_of_week integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_time  time    NOT NULL,
    end_time    time    NOT NULL CHECK (end_time > start_time),
    PRIMARY KEY (tenant_id, coach_id, day_of_week, start_time),
    FOREIGN KEY (tenant_id, coach_id) REFERENCES availabilities (tenant_id, coach_id) ON DELETE CASCADE
);
ALTER TABLE availability_slots ENABLE ROW LEVEL SECURITY;
ALTER TABLE availability_slots FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON availability_slots
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON availability_slots TO "${runtime_role}";

-- space_id is a plain uuid: spaces belong to the community context, which references no sessions.
CREATE TABLE sessions (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    coach_id      uuid        NOT NULL REFERENCES accounts (id),
    athlete_id    uuid        NOT NULL REFERENCES accounts (id),
    space_id      uuid,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    notes         text CHECK (char_length(notes) <= 2000),
    cancel_reason text CHECK (char_length(cancel_reason) <= 500),
    created_at    timestamptz NOT NULL,
    cancelled_at  timestamptz,
    PRIMARY KEY (tenant_id, id),
    CHECK (ends_at > starts_at),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
    -- A coach's scheduled sessions never overlap, whatever the concurrency or the number of server
    -- processes. Half-open ranges: back-to-back sessions are fine. tenant_id is part of it because
    -- the constraint sees rows that row-level security hides.
    CONSTRAINT sessions_no_overlap EXCLUDE USING gist (
        tenant_id WITH =, coach_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status = 'SCHEDULED')
);
CREATE INDEX sessions_tenant_start_idx ON sessions (tenant_id, starts_at, id);
CREATE INDEX sessions_coach_idx ON sessions (tenant_id, coach_id, starts_at);
CREATE INDEX sessions_athlete_idx ON sessions (tenant_id, athlete_id, starts_at);
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sessions
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE ON sessions TO "${runtime_role}";

-- One row per reminder sent: the primary key makes each (session, offset) reminder happen once,
-- whichever scheduler claims it first; the claim commits with the outbox event it records.
CREATE TABLE session_reminders (
    tenant_id      uuid        NOT NULL,
    session_id     uuid        NOT NULL,
    offset_seconds bigint      NOT NULL CHECK (offset_seconds > 0),
    sent_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, session_id, offset_seconds),
    FOREIGN KEY (tenant_id, session_id) REFERENCES sessions (tenant_id, id)
);
ALTER TABLE session_reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_reminders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON session_reminders
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT ON session_reminders TO "${runtime_role}";

-- The scheduler (worker role) finds due reminders across tenants: it reads the few columns it
-- needs of sessions and reminders, nothing else, and sends each reminder in the session's tenant.
GRANT SELECT (tenant_id, id, starts_at, status, created_at) ON sessions TO "${worker_role}";
CREATE POLICY reminders_read_all_tenants ON sessions FOR SELECT TO "${worker_role}" USING (true);
GRANT SELECT ON session_reminders TO "${worker_role}";
CREATE POLICY reminders_read_all_tenants ON session_reminders FOR SELECT TO "${worker_role}" USING (true);
CREATE INDEX sessions_upcoming_idx ON sessions (starts_at) WHERE status = 'SCHEDULED';

-- The secret of an account's calendar feed in one tenant, as a SHA-256 hash only.
CREATE TABLE calendar_tokens (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    account_id uuid        NOT NULL REFERENCES accounts (id),
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);
ALTER TABLE calendar_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON calendar_tokens
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_tokens TO "${runtime_role}";

-- A calendar app presents only the token: this answers whose feed it opens (ids only).
CREATE FUNCTION calendar_token_owner(p_token_hash text)
    RETURNS TABLE (tenant_id uuid, account_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT tenant_id, account_id FROM calendar_tokens WHERE token_hash = p_token_hash $$;
REVOKE ALL ON FUNCTION calendar_token_owner(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_token_owner(text) TO "${runtime_role}";
