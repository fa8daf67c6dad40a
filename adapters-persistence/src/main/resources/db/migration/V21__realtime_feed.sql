-- The real-time feed: each outbox row remembers the transaction that wrote it. A reader hands out only
-- rows of transactions older than every transaction still running (pg_snapshot_xmin of its snapshot),
-- in (transaction, sequence) order: a transaction below that fence has ended, so no row can appear
-- later at a position already passed — unlike the sequence alone, whose values are taken before commit.
-- Rows written before this migration all get the migration's own transaction, which is in the past.
ALTER TABLE outbox_events
    ADD COLUMN transaction_id bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX outbox_events_feed_idx ON outbox_events (tenant_id, transaction_id, sequence_number);
