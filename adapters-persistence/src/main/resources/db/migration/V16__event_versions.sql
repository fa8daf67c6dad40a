-- Typed events: each stored event names the version of its type's payload, so a reader can upgrade
-- the payloads of older versions. Every row written before this migration is version 1.
ALTER TABLE outbox_events ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
