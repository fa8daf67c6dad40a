-- Community: spaces, their members, posts and comments. Every table is tenant-owned under the
-- same row-level security policy as the shared kernel; keys lead with tenant_id so that foreign
-- keys can never join rows of two tenants.

CREATE TABLE spaces (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    is_private  boolean     NOT NULL,
    owner_id    uuid        NOT NULL REFERENCES accounts (id),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX spaces_newest_idx ON spaces (tenant_id, created_at DESC, id DESC);

-- A space member must be a member of the tenant; leaving the tenant leaves its spaces.
CREATE TABLE space_members (
    tenant_id  uuid        NOT NULL,
    space_id   uuid        NOT NULL,
    account_id uuid        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, space_id, account_id),
    FOREIGN KEY (tenant_id, space_id) REFERENCES spaces (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES memberships (tenant_id, account_id) ON DELETE CASCADE
);
CREATE INDEX space_members_by_account_idx ON space_members (tenant_id, account_id, space_id);
CREATE INDEX space_members_oldest_idx ON space_members (tenant_id, space_id, added_at, account_id);

-- Deleting a post stamps deleted_at: reads skip it and its comments, the rows stay for audit and export.
-- author_id names no account row on purpose: erasing a member may hand their posts and comments to an
-- unlinkable "former member" id (see docs/privacy.md).
CREATE TABLE posts (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    space_id   uuid        NOT NULL,
    author_id  uuid        NOT NULL,
    type       text        NOT NULL CHECK (type IN ('TEXT', 'MEDIA')),
    title      text        CHECK (char_length(title) BETWEEN 1 AND 200),
    content    text        NOT NULL CHECK (char_length(content) BETWEEN 1 AND 10000),
    media_ids  uuid[]      NOT NULL DEFAULT '{}' CHECK (cardinality(media_ids) <= 10),
    created_at timestamptz NOT NULL,
    deleted_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, space_id) REFERENCES spaces (tenant_id, id)
);
CREATE INDEX posts_feed_idx ON posts (tenant_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_space_feed_idx ON posts (tenant_id, space_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_media_idx ON posts USING gin (media_ids) WHERE deleted_at IS NULL;

CREATE TABLE comments (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    post_id    uuid        NOT NULL,
    author_id  uuid        NOT NULL,
    content    text        NOT NULL CHECK (char_length(content) BETWEEN 1 AND 10000),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, post_id) REFERENCES posts (tenant_id, id)
);
CREATE INDEX comments_oldest_idx ON comments (tenant_id, post_id, created_at, id);

DO $$
DECLARE
    community_table text;
BEGIN
    FOREACH community_table IN ARRAY ARRAY['spaces', 'space_members', 'posts', 'comments'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', community_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', community_table);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = (SELECT app_current_tenant()))'
            || ' WITH CHECK (tenant_id = (SELECT app_current_tenant()))', community_table);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', community_table, '${runtime_role}');
    END LOOP;
END
$$;
