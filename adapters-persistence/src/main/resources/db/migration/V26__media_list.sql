-- GET /media lists one uploader's media newest first, a page at a time from a (created_at, id)
-- cursor: without this index every page would read and sort all of the tenant's media.
CREATE INDEX media_assets_uploader_newest_idx ON media_assets (tenant_id, uploader_id, created_at DESC, id DESC);
