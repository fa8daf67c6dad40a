-- Payments (issue 22): session packs a tenant sells, orders (one checkout each), credits as lots with an
-- append-only ledger, each tenant's payment settings, and the provider events already applied. Sessions
-- can be held for payment; an availability can require a credit.

-- A session pack. Price in minor units of an ISO 4217 currency, never a float. The bounds repeat the
-- domain's (Product), so a row the domain would refuse cannot be stored either.
CREATE TABLE products (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description text CHECK (char_length(description) <= 2000),
    credits     integer     NOT NULL CHECK (credits BETWEEN 1 AND 1000),
    price_cents bigint      NOT NULL CHECK (price_cents BETWEEN 1 AND 100000000),
    currency    text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    coach_id    uuid REFERENCES accounts (id),
    valid_days  integer CHECK (valid_days BETWEEN 1 AND 3650),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- lists are oldest first, of the tenant or of one coach
CREATE INDEX products_list_idx ON products (tenant_id, created_at, id);
CREATE INDEX products_coach_idx ON products (tenant_id, coach_id, created_at, id);
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON products
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
-- no DELETE: an order keeps naming the product it sold; a product is deactivated instead
-- what was sold under a product (its coach, validity, creation) never changes; the rest may
GRANT SELECT, INSERT ON products TO "${runtime_role}";
GRANT UPDATE (name, description, credits, price_cents, currency, active) ON products TO "${runtime_role}";

-- One checkout. What was sold (amount, credits, coach, validity) is copied at checkout and never follows
-- later product changes. Status moves forward only; the adapter changes it with a compare-and-set.
-- session_id names the held session a paid booking waits on: a plain uuid, as the booking writes the
-- order and the session in either order within its transaction (sessions.order_id likewise).
CREATE TABLE orders (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    id                uuid        NOT NULL,
    product_id        uuid        NOT NULL,
    buyer_id          uuid        NOT NULL REFERENCES accounts (id),
    buyer_email       text, -- erased with the person; the financial record itself is kept as the law requires
    amount_cents      bigint      NOT NULL CHECK (amount_cents >= 0),
    currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    credits           integer     NOT NULL CHECK (credits >= 1),
    coach_id          uuid REFERENCES accounts (id),
    valid_days        integer CHECK (valid_days >= 1),
    status            text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED')),
    checkout_url      text,
    payment_reference text CHECK (char_length(payment_reference) BETWEEN 1 AND 255),
    session_id        uuid,
    created_at        timestamptz NOT NULL,
    paid_at           timestamptz,
    refunded_at       timestamptz,
    PRIMARY KEY (tenant_id, id),
    -- order ids are random and looked up without a tenant (a provider callback names only the order)
    CONSTRAINT orders_id_key UNIQUE (id),
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id),
    CHECK ((status IN ('PAID', 'REFUNDED')) = (paid_at IS NOT NULL)),
    CHECK ((status = 'REFUNDED') = (refunded_at IS NOT NULL))
);
-- a provider's payment id names one order across all tenants (the webhook maps it back to its tenant)
CREATE UNIQUE INDEX orders_payment_reference_key ON orders (payment_reference) WHERE payment_reference IS NOT NULL;
-- lists are newest first: one buyer's (own orders) or the whole tenant's (ADMIN)
CREATE INDEX orders_buyer_idx ON orders (tenant_id, buyer_id, created_at DESC, id DESC);
CREATE INDEX orders_tenant_idx ON orders (tenant_id, created_at DESC, id DESC);
-- "was the product ever sold": price and credits are fixed from the first payment on
CREATE INDEX orders_product_paid_idx ON orders (tenant_id, product_id) WHERE paid_at IS NOT NULL;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON orders
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
-- UPDATE: status changes, and erasing buyer_email; no DELETE: orders are financial records
-- a sale's terms (amount, credits, buyer, product) are fixed at checkout: only its progress, and the buyer's
-- e-mail for erasure, can be written afterwards
GRANT SELECT, INSERT ON orders TO "${runtime_role}";
GRANT UPDATE (status, checkout_url, payment_reference, paid_at, refunded_at, buyer_email) ON orders
    TO "${runtime_role}";

-- Credits an account received at once: a paid order's, or an ADMIN adjustment's. remaining is the only
-- column that ever changes, always together with a ledger entry in the same transaction. The CHECK makes a
-- negative balance impossible whatever the code does: spending is a conditional UPDATE (remaining > 0) of
-- a locked row, so of concurrent bookings racing for the last credit exactly one gets it.
CREATE TABLE credit_lots (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    id         uuid        NOT NULL,
    account_id uuid        NOT NULL REFERENCES accounts (id),
    product_id uuid        NOT NULL,
    coach_id   uuid REFERENCES accounts (id), -- NULL: usable with any coach of the tenant
    order_id   uuid,                          -- NULL: an ADMIN adjustment
    credits    integer     NOT NULL CHECK (credits >= 1),
    remaining  integer     NOT NULL,
    expires_at timestamptz,                   -- NULL: never expires
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id),
    CONSTRAINT credit_lots_remaining_in_range CHECK (remaining >= 0 AND remaining <= credits)
);
-- a paid order grants its credits once: a second grant for the same order is refused by the database
CREATE UNIQUE INDEX credit_lots_order_key ON credit_lots (tenant_id, order_id) WHERE order_id IS NOT NULL;
-- spending and balances: the account's lots, soonest expiry first
CREATE INDEX credit_lots_account_idx ON credit_lots (tenant_id, account_id, expires_at);
-- the scheduler's scan for expired lots with credits left, across tenants
CREATE INDEX credit_lots_expiry_idx ON credit_lots (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;
ALTER TABLE credit_lots ENABLE ROW LEVEL SECURITY;
ALTER TABLE credit_lots FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON credit_lots
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT ON credit_lots TO "${runtime_role}";
GRANT UPDATE (remaining) ON credit_lots TO "${runtime_role}";

-- Every change of a lot's remaining count, append-only: the runtime role may SELECT and INSERT, never
-- UPDATE or DELETE. The sum of a lot's entries is its remaining count.
CREATE TABLE credit_ledger (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    id         uuid        NOT NULL,
    account_id uuid        NOT NULL REFERENCES accounts (id),
    lot_id     uuid        NOT NULL,
    delta      integer     NOT NULL CHECK (delta <> 0),
    reason     text        NOT NULL
        CHECK (reason IN ('PURCHASE', 'BOOKING', 'CANCELLATION', 'REFUND', 'EXPIRY', 'ADJUSTMENT')),
    order_id   uuid,
    session_id uuid,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, lot_id) REFERENCES credit_lots (tenant_id, id),
    -- what adds and what takes away, whatever the code does
    CHECK (CASE reason WHEN 'PURCHASE' THEN delta > 0
                       WHEN 'CANCELLATION' THEN delta = 1
                       WHEN 'BOOKING' THEN delta = -1
                       WHEN 'REFUND' THEN delta < 0
                       WHEN 'EXPIRY' THEN delta < 0
                       ELSE true END),
    CHECK (reason NOT IN ('BOOKING', 'CANCELLATION') OR session_id IS NOT NULL)
);
-- an account's ledger, newest first, keyset-paginated on (created_at, id)
CREATE INDEX credit_ledger_account_idx ON credit_ledger (tenant_id, account_id, created_at DESC, id DESC);
-- a session spends at most one credit and gets it back at most once, also under concurrency
CREATE UNIQUE INDEX credit_ledger_one_booking_per_session ON credit_ledger (tenant_id, session_id)
    WHERE reason = 'BOOKING';
CREATE UNIQUE INDEX credit_ledger_one_return_per_session ON credit_ledger (tenant_id, session_id)
    WHERE reason = 'CANCELLATION';
-- the sum per lot (and an export per lot)
CREATE INDEX credit_ledger_lot_idx ON credit_ledger (tenant_id, lot_id);
ALTER TABLE credit_ledger ENABLE ROW LEVEL SECURITY;
ALTER TABLE credit_ledger FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON credit_ledger
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT ON credit_ledger TO "${runtime_role}";
-- As for the audit trail, a trigger refuses changes from anyone else too (the owner included): the ledger is
-- the account of money's worth, and a balance must be explainable by its entries for good.
CREATE FUNCTION credit_ledger_reject_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'credit_ledger is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER credit_ledger_append_only BEFORE UPDATE OR DELETE ON credit_ledger
    FOR EACH ROW EXECUTE FUNCTION credit_ledger_reject_change();
CREATE TRIGGER credit_ledger_no_truncate BEFORE TRUNCATE ON credit_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION credit_ledger_reject_change();

-- A tenant's payment rules; a tenant without a row has the defaults. A Stripe connected account belongs to
-- one tenant only, so that a webhook's event.account names exactly one.
CREATE TABLE payment_settings (
    tenant_id           uuid    NOT NULL PRIMARY KEY REFERENCES tenants (id),
    refund_window_hours integer NOT NULL DEFAULT 24 CHECK (refund_window_hours BETWEEN 0 AND 720),
    stripe_account_id   text CHECK (stripe_account_id ~ '^acct_[A-Za-z0-9]{1,64}$'),
    CONSTRAINT payment_settings_stripe_account_key UNIQUE (stripe_account_id)
);
ALTER TABLE payment_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_settings
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT, UPDATE ON payment_settings TO "${runtime_role}";

-- Provider events already applied. The key is the provider's event id, unique across all tenants (a
-- redelivered event may arrive while another process applies it); the row is inserted in the transaction
-- that applies the event, so the event and its effect commit together or not at all.
CREATE TABLE processed_payment_events (
    provider   text        NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 50),
    event_id   text        NOT NULL CHECK (char_length(event_id) BETWEEN 1 AND 255),
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    applied_at timestamptz NOT NULL,
    PRIMARY KEY (provider, event_id)
);
ALTER TABLE processed_payment_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE processed_payment_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON processed_payment_events
    USING (tenant_id = (SELECT app_current_tenant()))
    WITH CHECK (tenant_id = (SELECT app_current_tenant()));
GRANT SELECT, INSERT ON processed_payment_events TO "${runtime_role}";

-- Sessions held for payment. A held session (PENDING_PAYMENT) takes the coach's time like a scheduled one
-- until it is paid (SCHEDULED) or its hold expires (EXPIRED, which frees the time as CANCELLED does).
ALTER TABLE sessions DROP CONSTRAINT sessions_status_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_status_check
    CHECK (status IN ('SCHEDULED', 'CANCELLED', 'PENDING_PAYMENT', 'EXPIRED'));
ALTER TABLE sessions
    ADD COLUMN hold_expires_at timestamptz,
    ADD COLUMN order_id        uuid,
    ADD COLUMN paid_with       text NOT NULL DEFAULT 'NONE' CHECK (paid_with IN ('CREDIT', 'NONE'));
ALTER TABLE sessions ADD CONSTRAINT sessions_hold_has_expiry
    CHECK (status <> 'PENDING_PAYMENT' OR hold_expires_at IS NOT NULL);
-- The same guarantee as before, now over held sessions too: an unpaid booking blocks the slot until it
-- is paid or expires, and no second booking can take it meanwhile.
ALTER TABLE sessions DROP CONSTRAINT sessions_no_overlap;
ALTER TABLE sessions ADD CONSTRAINT sessions_no_overlap EXCLUDE USING gist (
    tenant_id WITH =, coach_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status IN ('SCHEDULED', 'PENDING_PAYMENT'));
-- the scheduler's scan for holds whose time ran out, across tenants
CREATE INDEX sessions_hold_expiry_idx ON sessions (hold_expires_at) WHERE status = 'PENDING_PAYMENT';
-- the credit a session spent is found through the ledger's session index; this one finds a held session's order
CREATE INDEX sessions_order_idx ON sessions (tenant_id, order_id) WHERE order_id IS NOT NULL;

-- An athlete's booking of a coach whose availability requires a credit spends one.
ALTER TABLE availabilities ADD COLUMN requires_credit boolean NOT NULL DEFAULT false;

-- The scheduler (worker role) finds expired holds and expired lots across tenants, reading only the columns
-- it needs, then settles each in a unit of work of its tenant as the runtime role.
GRANT SELECT (hold_expires_at) ON sessions TO "${worker_role}";
GRANT SELECT (tenant_id, id, remaining, expires_at) ON credit_lots TO "${worker_role}";
CREATE POLICY housekeeping_reads_all_tenants ON credit_lots FOR SELECT TO "${worker_role}" USING (true);

-- A provider callback knows an order id, a payment id or a connected account before it knows its tenant.
-- These answer ids only; the callback then works inside the tenant they name.
CREATE FUNCTION payment_order_tenant(p_order_id uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT tenant_id FROM orders WHERE id = p_order_id $$;
REVOKE ALL ON FUNCTION payment_order_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION payment_order_tenant(uuid) TO "${runtime_role}";

CREATE FUNCTION payment_reference_order(p_payment_reference text)
    RETURNS TABLE (tenant_id uuid, order_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT tenant_id, id FROM orders WHERE payment_reference = p_payment_reference $$;
REVOKE ALL ON FUNCTION payment_reference_order(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION payment_reference_order(text) TO "${runtime_role}";

CREATE FUNCTION stripe_account_tenant(p_account_id text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$ SELECT tenant_id FROM payment_settings WHERE stripe_account_id = p_account_id $$;
REVOKE ALL ON FUNCTION stripe_account_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stripe_account_tenant(text) TO "${runtime_role}";
