-- The server connects as the runtime role: it logs in, but is no superuser, cannot bypass row-level
-- security and owns nothing. Migrations run as the owner role, which owns every table. Each
-- migration grants the runtime role exactly what it needs per table.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${runtime_role}') THEN
        CREATE ROLE "${runtime_role}" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), '${runtime_role}');
END
$$;

GRANT USAGE ON SCHEMA public TO "${runtime_role}";

-- The tenant of the running unit of work, or NULL outside one (no tenant means no rows). The
-- setting is transaction-local; once a transaction that set it ends, it reads as '' — hence NULLIF.
CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
