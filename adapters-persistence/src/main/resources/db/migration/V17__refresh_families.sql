-- Signed-in devices (issue 20): one row per refresh-token family, which is one session of one device.
-- refresh_tokens keeps one row per rotated token; the family row says when the session started, when
-- and from where (client address, User-Agent) it was last used, until when its newest token lives, and
-- whether it was revoked. Revocation moves here from the tokens: a family is revoked once, and a token
-- added to it afterwards (a refresh racing a logout) is revoked with it.
--
-- Global, like accounts and refresh_tokens: a session is found by account or by token before any tenant
-- is known. session_tenant_id names the tenant the session is signed in to, for erasure and exports.
-- ip and user_agent are personal data: exported with the member's data, deleted by erasure (with the
-- family and its tokens) and by maintenance once the family has expired.
CREATE TABLE refresh_families (
    id                uuid PRIMARY KEY,
    account_id        uuid        NOT NULL REFERENCES accounts (id),
    session_tenant_id uuid        NOT NULL REFERENCES tenants (id),
    created_at        timestamptz NOT NULL,
    last_used_at      timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    revoked_at        timestamptz,
    ip                text CHECK (length(ip) <= 64),
    user_agent        text CHECK (length(user_agent) <= 512)
);
-- GET /auth/sessions and the revocations of an account's other sessions
CREATE INDEX refresh_families_account_idx ON refresh_families (account_id, last_used_at DESC);
CREATE INDEX refresh_families_expiry_idx ON refresh_families (expires_at);
CREATE INDEX refresh_families_tenant_idx ON refresh_families (session_tenant_id, account_id);

-- The sessions of the previous release: no address or user agent was recorded for them.
INSERT INTO refresh_families (id, account_id, session_tenant_id, created_at, last_used_at, expires_at, revoked_at)
SELECT family_id, (array_agg(account_id))[1], (array_agg(session_tenant_id))[1], min(issued_at), max(issued_at),
       max(expires_at), min(revoked_at)
  FROM refresh_tokens
 GROUP BY family_id;

ALTER TABLE refresh_tokens
    ADD CONSTRAINT refresh_tokens_family_fkey FOREIGN KEY (family_id) REFERENCES refresh_families (id)
        ON DELETE CASCADE;
ALTER TABLE refresh_tokens DROP COLUMN revoked_at;

GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_families TO "${runtime_role}";
-- maintenance deletes expired families (their tokens go with them)
GRANT SELECT, DELETE ON refresh_families TO "${worker_role}";
