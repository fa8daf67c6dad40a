-- Identity: invitations (tenant data), refresh tokens (global), and the two narrow cross-tenant
-- reads login and invitation acceptance need before a tenant is known.

CREATE TABLE invitations (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    email       text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('ADMIN', 'COACH', 'ATHLETE', 'SCHEDULER')),
    token_hash  text        NOT NULL,
    invited_by  uuid        NOT NULL REFERENCES accounts (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED')),
    accepted_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    CHECK ((status = 'ACCEPTED') = (accepted_at IS NOT NULL))
);
-- Looked up by token before the tenant is known (invitation_tenant below): the one index on this
-- table that cannot lead with tenant_id.
CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE ON invitations TO "${runtime_role}";

-- Global, like accounts: a refresh token is presented without a tenant, so it is found by hash
-- first. session_tenant_id names the tenant the session is signed in to; the session's work then
-- runs in that tenant's unit of work under row-level security. Only hashes are stored.
CREATE TABLE refresh_tokens (
    id                uuid PRIMARY KEY,
    family_id         uuid        NOT NULL,
    account_id        uuid        NOT NULL REFERENCES accounts (id),
    session_tenant_id uuid        NOT NULL REFERENCES tenants (id),
    token_hash        text        NOT NULL UNIQUE,
    issued_at         timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    rotated_at        timestamptz,
    revoked_at        timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expiry_idx ON refresh_tokens (expires_at);
GRANT SELECT, INSERT, UPDATE ON refresh_tokens TO "${runtime_role}";

-- Login lists an account's tenants before it has chosen one. The function runs as the owner
-- (which must be superuser or BYPASSRLS, see docs/persistence.md) and answers only memberships of
-- the given account, which is the caller's own once its password was verified.
CREATE INDEX memberships_account_idx ON memberships (account_id, joined_at DESC);

CREATE FUNCTION account_memberships(p_account_id uuid)
    RETURNS TABLE (tenant_id uuid, tenant_name text, role text, joined_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
        SELECT m.tenant_id, t.name, m.role, m.joined_at
          FROM memberships m JOIN tenants t ON t.id = m.tenant_id
         WHERE m.account_id = p_account_id
         ORDER BY m.joined_at DESC, m.tenant_id
    $$;
REVOKE ALL ON FUNCTION account_memberships(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION account_memberships(uuid) TO "${runtime_role}";

-- Accepting an invitation starts from its token: this answers the tenant id and nothing else.
CREATE FUNCTION invitation_tenant(p_token_hash text)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT tenant_id FROM invitations WHERE token_hash = p_token_hash $$;
REVOKE ALL ON FUNCTION invitation_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION invitation_tenant(text) TO "${runtime_role}";
