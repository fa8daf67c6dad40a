-- Event backbone: the worker role that relays the outbox and runs maintenance across tenants, the
-- wake-up signal for the relay, and in-app notifications.

-- The worker role logs in like the runtime role (not superuser, no BYPASSRLS, owns nothing) and
-- gets policies of its own on exactly the tables it must read or clean across tenants. The
-- runtime role's policies are untouched: RLS is never relaxed for it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${worker_role}') THEN
        CREATE ROLE "${worker_role}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${worker_role}');
END
$$;
GRANT USAGE ON SCHEMA public TO "${worker_role}";

-- The relay claims due events of every tenant (SELECT ... FOR UPDATE SKIP LOCKED) and settles them.
GRANT SELECT, UPDATE ON outbox_events TO "${worker_role}";
CREATE POLICY relay_reads_all_tenants ON outbox_events FOR SELECT TO "${worker_role}" USING (true);
CREATE POLICY relay_settles_all_tenants ON outbox_events FOR UPDATE TO "${worker_role}"
    USING (true) WITH CHECK (true);
CREATE INDEX outbox_events_due_idx ON outbox_events (next_attempt_at, sequence_number)
    WHERE published_at IS NULL AND dead_at IS NULL;

-- Wakes a listening relay once per inserting statement; the relay polls as well, because a
-- listener that was away misses notifications.
CREATE FUNCTION outbox_events_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_notify('coachkit_outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify();

-- The scheduler deletes what has expired, in every tenant, and nothing else.
GRANT SELECT, DELETE ON processed_events TO "${worker_role}";
CREATE POLICY maintenance_reads_all_tenants ON processed_events FOR SELECT TO "${worker_role}" USING (true);
CREATE POLICY maintenance_deletes_all_tenants ON processed_events FOR DELETE TO "${worker_role}" USING (true);
GRANT SELECT, DELETE ON idempotency_keys TO "${worker_role}";
CREATE POLICY maintenance_reads_all_tenants ON idempotency_keys FOR SELECT TO "${worker_role}" USING (true);
CREATE POLICY maintenance_deletes_all_tenants ON idempotency_keys FOR DELETE TO "${worker_role}" USING (true);
GRANT SELECT, DELETE ON refresh_tokens TO "${worker_role}";
CREATE INDEX processed_events_age_idx ON processed_events (processed_at);

CREATE TABLE notifications (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    id           uuid        NOT NULL,
    recipient_id uuid        NOT NULL REFERENCES accounts (id),
    type         text        NOT NULL,
    title        text        NOT NULL CHECK (char_length(title) <= 200),
    body         text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    read_at      timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX notifications_recipient_idx ON notifications (tenant_id, recipient_id, created_at DESC, id DESC);
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON notifications TO "${runtime_role}";
