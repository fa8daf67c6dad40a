-- A single-PUT upload URL cannot be revoked: it stores bytes under the staging key until it expires.
-- When the record of a pending upload that has one is deleted (cancelled by DELETE /media/{id}, refused
-- by finalize, discarded at expiry), this row remembers the key, so the scheduler deletes what was PUT
-- there once the URL expired, then this row.
CREATE TABLE cancelled_uploads (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    media_id          uuid        NOT NULL,
    upload_expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, media_id)
);
CREATE INDEX cancelled_uploads_expiry_idx ON cancelled_uploads (upload_expires_at);
ALTER TABLE cancelled_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE cancelled_uploads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON cancelled_uploads
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, DELETE ON cancelled_uploads TO "${runtime_role}";

-- The scheduler finds them across tenants through this function, ids only, and forgets each inside
-- its tenant's unit of work once the staging key is emptied.
CREATE FUNCTION cancelled_media_uploads(p_cutoff timestamptz, p_limit integer)
    RETURNS TABLE (tenant_id uuid, media_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
        SELECT c.tenant_id, c.media_id
          FROM cancelled_uploads c
         WHERE c.upload_expires_at <= p_cutoff
         ORDER BY c.upload_expires_at
         LIMIT p_limit
    $$;
REVOKE ALL ON FUNCTION cancelled_media_uploads(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cancelled_media_uploads(timestamptz, integer) TO "${runtime_role}";
