-- Password reset and e-mail verification (issue 20).
--
-- accounts.email_verified: the owner followed a verification or password-reset link mailed to the address.
-- Accounts of earlier releases start unverified, as nothing proved their addresses.
ALTER TABLE accounts ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

-- The single-use links mailed to an address. Global, like accounts: a token is presented before any tenant
-- is known. Only the SHA-256 of a token is stored. A reset names its account; a verification names only the
-- address (an invitation carries one before the invitee has an account), and verifies whichever account has
-- that address when it is used. used_at is set once, by a conditional UPDATE.
CREATE TABLE account_tokens (
    id          uuid PRIMARY KEY,
    purpose     text        NOT NULL CHECK (purpose IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION')),
    token_hash  text        NOT NULL UNIQUE,
    email       text        NOT NULL,
    account_id  uuid REFERENCES accounts (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CHECK (expires_at > issued_at),
    CHECK (purpose <> 'PASSWORD_RESET' OR account_id IS NOT NULL)
);
CREATE INDEX account_tokens_expiry_idx ON account_tokens (expires_at);
CREATE INDEX account_tokens_account_idx ON account_tokens (account_id);

-- DELETE: erasing an account deletes the tokens mailed to its address
GRANT SELECT, INSERT, UPDATE, DELETE ON account_tokens TO "${runtime_role}";
