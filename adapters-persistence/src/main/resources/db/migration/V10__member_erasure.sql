-- Erasing a member (DELETE /admin/users/{id}) runs as the runtime role inside the tenant's
-- transaction: it removes the invitations to the member's e-mail and the outbox events that carry
-- the address. Row-level security keeps both deletes inside the tenant.
GRANT DELETE ON invitations TO "${runtime_role}";
GRANT DELETE ON outbox_events TO "${runtime_role}";
