-- Media: uploaded images and videos. The bytes live in the blob store; a row holds what the core
-- knows about them, from the declared upload to the processed, playable asset.

CREATE TABLE media_assets (
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    id                  uuid        NOT NULL,
    uploader_id         uuid        NOT NULL REFERENCES accounts (id),
    space_id            uuid,
    file_name           text        NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    content_type        text        NOT NULL,
    size_bytes          bigint      NOT NULL CHECK (size_bytes > 0),
    multipart_upload_id text,
    status              text        NOT NULL CHECK (status IN ('PENDING_UPLOAD', 'PROCESSING', 'READY', 'FAILED')),
    width               integer     CHECK (width > 0),
    height              integer     CHECK (height > 0),
    duration_ms         bigint      CHECK (duration_ms >= 0),
    has_thumbnail       boolean     NOT NULL DEFAULT false,
    failure_reason      text        CHECK (char_length(failure_reason) <= 500),
    created_at          timestamptz NOT NULL,
    upload_expires_at   timestamptz NOT NULL,
    uploaded_at         timestamptz,
    -- set once the upload URLs expired after finalize and the staging key was emptied for good
    staging_cleared     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, id),
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CHECK ((status = 'PENDING_UPLOAD') = (uploaded_at IS NULL))
);
CREATE INDEX media_assets_pending_expiry_idx ON media_assets (upload_expires_at) WHERE status = 'PENDING_UPLOAD';
CREATE INDEX media_assets_processing_since_idx ON media_assets (uploaded_at) WHERE status = 'PROCESSING';
CREATE INDEX media_assets_leftover_staging_idx ON media_assets (upload_expires_at)
    WHERE status <> 'PENDING_UPLOAD' AND NOT staging_cleared;
ALTER TABLE media_assets ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_assets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON media_assets
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON media_assets TO "${runtime_role}";

-- The scheduler finds abandoned uploads of every tenant through this function, which answers ids
-- only; it then discards each inside that tenant's unit of work.
CREATE FUNCTION expired_media_uploads(p_cutoff timestamptz, p_limit integer)
    RETURNS TABLE (tenant_id uuid, media_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
        SELECT m.tenant_id, m.id
          FROM media_assets m
         WHERE m.status = 'PENDING_UPLOAD' AND m.upload_expires_at <= p_cutoff
         ORDER BY m.upload_expires_at
         LIMIT p_limit
    $$;
REVOKE ALL ON FUNCTION expired_media_uploads(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION expired_media_uploads(timestamptz, integer) TO "${runtime_role}";

-- The scheduler finds media stuck in PROCESSING (its event lost or parked) the same way, ids only,
-- and marks each FAILED inside that tenant's unit of work.
CREATE FUNCTION stalled_media_processing(p_cutoff timestamptz, p_limit integer)
    RETURNS TABLE (tenant_id uuid, media_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
        SELECT m.tenant_id, m.id
          FROM media_assets m
         WHERE m.status = 'PROCESSING' AND m.uploaded_at <= p_cutoff
         ORDER BY m.uploaded_at
         LIMIT p_limit
    $$;
REVOKE ALL ON FUNCTION stalled_media_processing(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stalled_media_processing(timestamptz, integer) TO "${runtime_role}";

-- Upload URLs stay valid after finalize until they expire; what a client PUTs to the staging key
-- meanwhile is never played, and the scheduler deletes it once the URLs expired, found this way.
CREATE FUNCTION leftover_media_staging(p_cutoff timestamptz, p_limit integer)
    RETURNS TABLE (tenant_id uuid, media_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
        SELECT m.tenant_id, m.id
          FROM media_assets m
         WHERE m.status <> 'PENDING_UPLOAD' AND NOT m.staging_cleared AND m.upload_expires_at <= p_cutoff
         ORDER BY m.upload_expires_at
         LIMIT p_limit
    $$;
REVOKE ALL ON FUNCTION leftover_media_staging(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leftover_media_staging(timestamptz, integer) TO "${runtime_role}";
