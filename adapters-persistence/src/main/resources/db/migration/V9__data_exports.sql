-- GDPR exports: one row per requested export and its progress. The archive itself lives in the blob
-- store under <tenant>/exports/<id>.zip; subject_id is the exported member, NULL for the whole tenant.

CREATE TABLE data_exports (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    id             uuid        NOT NULL,
    requested_by   uuid        NOT NULL REFERENCES accounts (id),
    subject_id     uuid        REFERENCES accounts (id),
    status         text        NOT NULL CHECK (status IN ('PENDING', 'READY', 'FAILED')),
    failure_reason text        CHECK (char_length(failure_reason) <= 500),
    requested_at   timestamptz NOT NULL,
    completed_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CHECK ((status = 'PENDING') = (completed_at IS NULL))
);

ALTER TABLE data_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON data_exports
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
-- DELETE: erasing a member also discards the exports of their data
GRANT SELECT, INSERT, UPDATE, DELETE ON data_exports TO "${runtime_role}";
