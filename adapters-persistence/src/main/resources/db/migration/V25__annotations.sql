-- Video review: annotations on a moment (at_ms) or a span (at_ms to end_ms) of a media, with text, a
-- drawing (jsonb, the API's version 1 shape, validated by the domain before it is written) and a
-- voice-over (another media of the tenant; no foreign key, so deleting the recording leaves a note
-- whose voice-over no longer plays rather than taking the note with it).

CREATE TABLE annotations (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    id             uuid        NOT NULL,
    media_id       uuid        NOT NULL,
    author_id      uuid        NOT NULL REFERENCES accounts (id),
    at_ms          bigint      NOT NULL CHECK (at_ms >= 0),
    end_ms         bigint      CHECK (end_ms > at_ms),
    text           text        CHECK (char_length(text) BETWEEN 1 AND 2000),
    drawing        jsonb,
    audio_media_id uuid,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- deleting a media (by its uploader, an ADMIN, or the erasure of the uploader) deletes its annotations
    FOREIGN KEY (tenant_id, media_id) REFERENCES media_assets (tenant_id, id) ON DELETE CASCADE,
    CHECK (text IS NOT NULL OR drawing IS NOT NULL OR audio_media_id IS NOT NULL)
);
-- a media's list, by moment then creation (the keyset's order)
CREATE INDEX annotations_media_moment_idx ON annotations (tenant_id, media_id, at_ms, created_at, id);
-- the GDPR export and the erasure read a member's annotations
CREATE INDEX annotations_author_idx ON annotations (tenant_id, author_id);
ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON annotations
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, DELETE ON annotations TO "${runtime_role}";
GRANT UPDATE (at_ms, end_ms, text, drawing, updated_at) ON annotations TO "${runtime_role}";
