-- The scheduler deletes expired password-reset and verification tokens as the worker role, as it does
-- expired refresh tokens: the links are dead, and a verification token names the address of an invitee
-- who may never have joined.
GRANT SELECT, DELETE ON account_tokens TO "${worker_role}";
