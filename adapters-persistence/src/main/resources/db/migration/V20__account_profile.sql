-- Profile and time zone (issue 20): the IANA zone an account reads times in (notifications and e-mails
-- show times in it) and the READY image it shows as avatar. Accounts are global, so the avatar names media
-- of the tenant it was chosen in by id only (media ids are unique across tenants); deleting that media
-- clears it in the same unit of work, and the index below finds the accounts to clear.
ALTER TABLE accounts
    ADD COLUMN time_zone       text NOT NULL DEFAULT 'UTC' CHECK (char_length(time_zone) BETWEEN 1 AND 64),
    ADD COLUMN avatar_media_id uuid;
CREATE INDEX accounts_avatar_idx ON accounts (avatar_media_id) WHERE avatar_media_id IS NOT NULL;
