-- Rows of two tenants in every tenant-owned table, for the row-level security catalog test.
-- A table added by a later migration needs rows here too; the test says which one is missing.
INSERT INTO tenants (id, name) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'Fixture A'),
    ('b0000000-0000-4000-8000-00000000000b', 'Fixture B');

INSERT INTO accounts (id, email, password_hash, first_name, last_name) VALUES
    ('c0000000-0000-4000-8000-00000000000a', 'a@fixture.test', 'x', 'Ann', 'A'),
    ('c0000000-0000-4000-8000-00000000000b', 'b@fixture.test', 'x', 'Bob', 'B');

INSERT INTO memberships (tenant_id, account_id, role) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', 'ADMIN'),
    ('b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', 'ADMIN');

INSERT INTO outbox_events (tenant_id, id, type, subject_type, subject_id, payload, occurred_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'fixture.created', 'fixture', gen_random_uuid(), '{}', now()),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'fixture.created', 'fixture', gen_random_uuid(), '{}', now());

INSERT INTO processed_events (tenant_id, consumer, event_id) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'fixture', gen_random_uuid()),
    ('b0000000-0000-4000-8000-00000000000b', 'fixture', gen_random_uuid());

INSERT INTO audit_events (tenant_id, id, action, occurred_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'fixture.recorded', now()),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'fixture.recorded', now());

INSERT INTO idempotency_keys (tenant_id, account_id, key_digest, request_hash, expires_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', repeat('a', 64), 'h', now() + interval '1 day'),
    ('b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', repeat('a', 64), 'h', now() + interval '1 day');

INSERT INTO invitations (tenant_id, id, email, role, token_hash, invited_by, created_at, expires_at, status) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'x@fixture.test', 'ATHLETE', repeat('a', 64),
     'c0000000-0000-4000-8000-00000000000a', now(), now() + interval '7 days', 'PENDING'),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'y@fixture.test', 'ATHLETE', repeat('b', 64),
     'c0000000-0000-4000-8000-00000000000b', now(), now() + interval '7 days', 'PENDING');

INSERT INTO notifications (tenant_id, id, recipient_id, type, title, body, subject_type, subject_id, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000a',
     'fixture.created', 'Hello', '', 'fixture', gen_random_uuid(), now()),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000b',
     'fixture.created', 'Hello', '', 'fixture', gen_random_uuid(), now());

INSERT INTO spaces (tenant_id, id, name, is_private, owner_id, created_at, updated_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'd0000000-0000-4000-8000-00000000000a', 'Space A', true,
     'c0000000-0000-4000-8000-00000000000a', now(), now()),
    ('b0000000-0000-4000-8000-00000000000b', 'd0000000-0000-4000-8000-00000000000b', 'Space B', true,
     'c0000000-0000-4000-8000-00000000000b', now(), now());

INSERT INTO space_members (tenant_id, space_id, account_id, role, added_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'd0000000-0000-4000-8000-00000000000a',
     'c0000000-0000-4000-8000-00000000000a', 'OWNER', now()),
    ('b0000000-0000-4000-8000-00000000000b', 'd0000000-0000-4000-8000-00000000000b',
     'c0000000-0000-4000-8000-00000000000b', 'OWNER', now());

INSERT INTO posts (tenant_id, id, space_id, author_id, type, content, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'e0000000-0000-4000-8000-00000000000a',
     'd0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', 'TEXT', 'Hello', now()),
    ('b0000000-0000-4000-8000-00000000000b', 'e0000000-0000-4000-8000-00000000000b',
     'd0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', 'TEXT', 'Hello', now());

INSERT INTO comments (tenant_id, id, post_id, author_id, content, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'e0000000-0000-4000-8000-00000000000a',
     'c0000000-0000-4000-8000-00000000000a', 'Hi', now()),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'e0000000-0000-4000-8000-00000000000b',
     'c0000000-0000-4000-8000-00000000000b', 'Hi', now());

INSERT INTO media_assets (tenant_id, id, uploader_id, file_name, content_type, size_bytes, status, created_at,
                          upload_expires_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000a',
     'a.png', 'image/png', 1, 'PENDING_UPLOAD', now(), now() + interval '1 hour'),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000b',
     'b.png', 'image/png', 1, 'PENDING_UPLOAD', now(), now() + interval '1 hour');

INSERT INTO annotations (tenant_id, id, media_id, author_id, at_ms, text, created_at, updated_at)
    SELECT tenant_id, gen_random_uuid(), id, uploader_id, 0, 'note', now(), now() FROM media_assets;

INSERT INTO availabilities (tenant_id, coach_id, time_zone, updated_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', 'Europe/Berlin', now()),
    ('b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', 'America/New_York', now());

INSERT INTO availability_slots (tenant_id, coach_id, day_of_week, start_time, end_time) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', 1, '09:00', '12:00'),
    ('b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', 1, '09:00', '12:00');

INSERT INTO sessions (tenant_id, id, coach_id, athlete_id, starts_at, ends_at, status, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'd0000000-0000-4000-8000-00000000000a',
     'c0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000b',
     now() + interval '1 day', now() + interval '25 hours', 'SCHEDULED', now()),
    ('b0000000-0000-4000-8000-00000000000b', 'd0000000-0000-4000-8000-00000000000b',
     'c0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000a',
     now() + interval '1 day', now() + interval '25 hours', 'SCHEDULED', now());

INSERT INTO session_reminders (tenant_id, session_id, offset_seconds, sent_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'd0000000-0000-4000-8000-00000000000a', 86400, now()),
    ('b0000000-0000-4000-8000-00000000000b', 'd0000000-0000-4000-8000-00000000000b', 86400, now());

INSERT INTO calendar_tokens (tenant_id, account_id, token_hash, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', repeat('c', 64), now()),
    ('b0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', repeat('d', 64), now());

INSERT INTO data_exports (tenant_id, id, requested_by, subject_id, status, requested_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000a',
     'c0000000-0000-4000-8000-00000000000a', 'PENDING', now()),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000b',
     NULL, 'PENDING', now());

INSERT INTO cancelled_uploads (tenant_id, media_id, upload_expires_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), now() + interval '1 hour'),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), now() + interval '1 hour');

INSERT INTO products (tenant_id, id, name, credits, price_cents, currency, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'f0000000-0000-4000-8000-00000000000a', 'Pack A', 5, 4900, 'EUR', now()),
    ('b0000000-0000-4000-8000-00000000000b', 'f0000000-0000-4000-8000-00000000000b', 'Pack B', 5, 4900, 'EUR', now());

INSERT INTO orders (tenant_id, id, product_id, buyer_id, buyer_email, amount_cents, currency, credits, status,
                    payment_reference, created_at, paid_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'f1000000-0000-4000-8000-00000000000a',
     'f0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000a', 'a@fixture.test', 4900, 'EUR', 5,
     'PAID', 'pi_fixture_a', now(), now()),
    ('b0000000-0000-4000-8000-00000000000b', 'f1000000-0000-4000-8000-00000000000b',
     'f0000000-0000-4000-8000-00000000000b', 'c0000000-0000-4000-8000-00000000000b', 'b@fixture.test', 4900, 'EUR', 5,
     'PAID', 'pi_fixture_b', now(), now());

INSERT INTO credit_lots (tenant_id, id, account_id, product_id, order_id, credits, remaining, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 'f2000000-0000-4000-8000-00000000000a',
     'c0000000-0000-4000-8000-00000000000a', 'f0000000-0000-4000-8000-00000000000a',
     'f1000000-0000-4000-8000-00000000000a', 5, 5, now()),
    ('b0000000-0000-4000-8000-00000000000b', 'f2000000-0000-4000-8000-00000000000b',
     'c0000000-0000-4000-8000-00000000000b', 'f0000000-0000-4000-8000-00000000000b',
     'f1000000-0000-4000-8000-00000000000b', 5, 5, now());

INSERT INTO credit_ledger (tenant_id, id, account_id, lot_id, delta, reason, order_id, created_at) VALUES
    ('a0000000-0000-4000-8000-00000000000a', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000a',
     'f2000000-0000-4000-8000-00000000000a', 5, 'PURCHASE', 'f1000000-0000-4000-8000-00000000000a', now()),
    ('b0000000-0000-4000-8000-00000000000b', gen_random_uuid(), 'c0000000-0000-4000-8000-00000000000b',
     'f2000000-0000-4000-8000-00000000000b', 5, 'PURCHASE', 'f1000000-0000-4000-8000-00000000000b', now());

INSERT INTO payment_settings (tenant_id, refund_window_hours, stripe_account_id) VALUES
    ('a0000000-0000-4000-8000-00000000000a', 24, 'acct_fixtureA'),
    ('b0000000-0000-4000-8000-00000000000b', 48, 'acct_fixtureB');

INSERT INTO processed_payment_events (provider, event_id, tenant_id, applied_at) VALUES
    ('stripe', 'evt_fixture_a', 'a0000000-0000-4000-8000-00000000000a', now()),
    ('stripe', 'evt_fixture_b', 'b0000000-0000-4000-8000-00000000000b', now());
