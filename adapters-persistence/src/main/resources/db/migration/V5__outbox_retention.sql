-- Published outbox rows are pruned by the scheduler (as the worker role), so the table the relay
-- scans stays small. The worker may delete published rows only; pending and dead ones stay.
GRANT DELETE ON outbox_events TO "${worker_role}";
CREATE POLICY maintenance_deletes_published ON outbox_events FOR DELETE TO "${worker_role}"
    USING (published_at IS NOT NULL);
CREATE INDEX outbox_events_published_idx ON outbox_events (published_at) WHERE published_at IS NOT NULL;

-- The relay only settles events: it may change their delivery columns, never what an event says
-- or which tenant it belongs to.
REVOKE UPDATE ON outbox_events FROM "${worker_role}";
GRANT UPDATE (attempts, next_attempt_at, last_error, published_at, dead_at) ON outbox_events TO "${worker_role}";
