-- Every authenticated request re-reads its caller's role, so that a demotion, a removal or an
-- erasure counts from the caller's next request rather than when the access token expires. Like
-- account_memberships, it runs as the owner without a unit of work, and answers one role only:
-- that of the account and tenant the caller's verified token names.
CREATE FUNCTION membership_role(p_tenant_id uuid, p_account_id uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT role FROM memberships WHERE tenant_id = p_tenant_id AND account_id = p_account_id $$;
REVOKE ALL ON FUNCTION membership_role(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION membership_role(uuid, uuid) TO "${runtime_role}";
