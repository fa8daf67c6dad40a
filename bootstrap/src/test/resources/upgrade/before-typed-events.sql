-- Data of a CoachKit database written by commit 1ab9cad (the code before typed events: untyped
-- DomainEvent(type, payload map), outbox_events without a version column, migrations V1..V15),
-- with 20 events still pending in outbox_events (published_at and dead_at null), at least one of
-- every type that code writes. OutboxUpgradeTest loads it into a database migrated to V15 and checks
-- that the current server delivers every one of them.
--
-- How it was made (a detached checkout of 1ab9cad, PostgreSQL 15 on 127.0.0.1, trust auth):
--   mvn -B -o -q -DskipTests package
--   createdb -h 127.0.0.1 -U postgres outbox_fixture
--   export COACHKIT_PORT=18090 COACHKIT_DATA_DIR=/tmp/fx/data COACHKIT_PUBLIC_URL=http://localhost:18090 \
--     COACHKIT_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/outbox_fixture?user=coachkit_app' \
--     COACHKIT_MIGRATION_DATABASE_URL='jdbc:postgresql://127.0.0.1:5432/outbox_fixture?user=postgres' \
--     COACHKIT_JWT_SECRET=fixture-only-secret-of-more-than-thirty-two-bytes!
--   1. COACHKIT_WORKERS=none java -jar bootstrap/target/coachkit.jar serve   (no relay: events stay pending)
--      curl: Ann registers "Riverside Tennis" (ann@example.com / "correct horse battery"); invites
--      bo@, cy@, eve@ (ATHLETE, accepted with "another good password") and dee@ (COACH, left pending);
--      creates a private space, adds Bo and Cy; Ann posts, Bo comments on it; Bo posts and Ann
--      deletes that post; Ann removes Cy from the space; Ann uploads one.png (image/png, 2048 random
--      bytes, local blob store) and finalizes it; publishes availability; Cy books two sessions with
--      Ann and cancels the second; Ann requests an organization export (POST /admin/export) and erases
--      Eve (DELETE /admin/users/{eve}, which also deletes the outbox row of Eve's invitation).
--   2. Only the scheduler, still no relay: first COACHKIT_WORKERS=scheduler
--      COACHKIT_MEDIA_PROCESSING_TIMEOUT_MINUTES=1 COACHKIT_SCHEDULER_INTERVAL_SECONDS=5 ... serve for
--      about a minute, which timed one.png out (FAILED, media.processed); then COACHKIT_WORKERS=scheduler
--      COACHKIT_REMINDER_OFFSETS=845m COACHKIT_REMINDER_INTERVAL_SECONDS=2 ... serve, which recorded
--      session.reminder for the booked session (an offset between "starts minus now" and "starts minus
--      booked", as the reminder query requires).
--   3. COACHKIT_WORKERS=none ... serve: Ann uploads and finalizes two.png (left PROCESSING) and
--      deletes a third upload before putting its bytes (media.deleted).
--   pg_dump -h 127.0.0.1 -U postgres --data-only --column-inserts --exclude-table=flyway_schema_history outbox_fixture
--   with pg_dump's \restrict and \unrestrict lines (psql meta-commands, not SQL) removed.
--
-- Outbox: member.invited 3, space.member_added 2, space.member_removed 1, post.created 2,
-- post.deleted 1, comment.created 1, media.uploaded 2, media.processed 1, media.deleted 1,
-- session.scheduled 2, session.cancelled 1, session.reminder 1, export.requested 1, user.erased 1.
-- The media bytes are not part of the fixture (they were in the data directory's blob store).

--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: accounts; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.accounts (id, email, password_hash, first_name, last_name, created_at, updated_at) VALUES ('10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'ann@example.com', '$argon2id$v=19$m=19456,t=2,p=1$OaTvN3pGN/7Aiqv/15htzA$eTovm1GXf/AUdUUkQk7oXGNQtBzP7mcvibxTseSgzvQ', 'Ann', 'Lee', '2026-12-07 17:54:18.074844+00', '2026-12-07 17:54:18.074844+00');
INSERT INTO public.accounts (id, email, password_hash, first_name, last_name, created_at, updated_at) VALUES ('781c8b89-d8ad-46ce-a3e9-0ef9b515e000', 'bo@example.com', '$argon2id$v=19$m=19456,t=2,p=1$m5VJFuhx37nJpnMsKcJNqg$ssVX2oHTJ+nOoG+TTBK+Et1sqbmXsmFfJ4vr288d9xw', 'Bo', 'Fixture', '2026-12-07 17:54:19.326857+00', '2026-12-07 17:54:19.326857+00');
INSERT INTO public.accounts (id, email, password_hash, first_name, last_name, created_at, updated_at) VALUES ('a78467b4-4640-4af3-8927-ad81f5fccd1e', 'cy@example.com', '$argon2id$v=19$m=19456,t=2,p=1$lhTWBoJOblc+ni+L2jSxHA$GXLFFFoAK8+N81pDE//lOOjyoJUegmtXHeGoP3bM28Y', 'Cy', 'Fixture', '2026-12-07 17:54:19.764033+00', '2026-12-07 17:54:19.764033+00');
INSERT INTO public.accounts (id, email, password_hash, first_name, last_name, created_at, updated_at) VALUES ('cf606b1e-3047-4c69-b6f7-5375417f967c', 'erased-cf606b1e-3047-4c69-b6f7-5375417f967c@erased.invalid', '!erased', 'Former', 'member', '2026-12-07 17:54:20.155479+00', '2026-12-07 17:54:20.155479+00');


--
-- Data for Name: anonymous_idempotency_keys; Type: TABLE DATA; Schema: public; Owner: postgres
--



--
-- Data for Name: audit_events; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '642b80d4-586f-4826-8082-2755d32dd515', 'account.registered', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'account', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', '127.0.0.1', '{"tenantName": "Riverside Tennis"}', '2026-12-07 17:54:18.356423+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '1880e6a8-da25-4e6f-83ca-8bba485c2782', 'member.invited', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'invitation', '92320772-7ba0-4018-abef-8937a10159d8', '127.0.0.1', '{"role": "ATHLETE"}', '2026-12-07 17:54:19.091722+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '8c46db40-0ffd-452d-919d-daf067b44cd4', 'invitation.accepted', '781c8b89-d8ad-46ce-a3e9-0ef9b515e000', 'invitation', '92320772-7ba0-4018-abef-8937a10159d8', '127.0.0.1', '{"role": "ATHLETE"}', '2026-12-07 17:54:19.393152+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '82e0eb52-ee43-477c-a73d-239eac65aa97', 'member.invited', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'invitation', '317141e2-2038-4b87-a409-abcee1cd306b', '127.0.0.1', '{"role": "ATHLETE"}', '2026-12-07 17:54:19.566244+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'd9466409-b141-45b8-81e7-331e80791e33', 'invitation.accepted', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', 'invitation', '317141e2-2038-4b87-a409-abcee1cd306b', '127.0.0.1', '{"role": "ATHLETE"}', '2026-12-07 17:54:19.786143+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'bee54e9d-3573-49d2-beeb-f7bfba54608c', 'member.invited', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'invitation', '8559c3f0-aed3-48af-861b-dfc1865a8a50', '127.0.0.1', '{"role": "ATHLETE"}', '2026-12-07 17:54:20.010227+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'f0af0f9d-b37a-4d43-80e2-958b1e8ff9f0', 'invitation.accepted', 'cf606b1e-3047-4c69-b6f7-5375417f967c', 'invitation', '8559c3f0-aed3-48af-861b-dfc1865a8a50', '127.0.0.1', '{"role": "ATHLETE"}', '2026-12-07 17:54:20.182997+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '2dc83aa5-bfa8-4065-9688-99c1999fc35e', 'member.invited', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'invitation', '9da7b9cb-aa3e-4474-868e-1713aefaaf8a', '127.0.0.1', '{"role": "COACH"}', '2026-12-07 17:54:20.316239+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'a9e5e016-6cee-4b34-88cb-820cd44e85cf', 'space.created', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'space', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '127.0.0.1', '{"name": "Fixture Space", "isPrivate": true}', '2026-12-07 17:54:20.42084+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'bd692a52-7cca-4926-9abb-c2f27eebcd8a', 'space.member_added', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'space', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '127.0.0.1', '{"role": "MEMBER", "accountId": "781c8b89-d8ad-46ce-a3e9-0ef9b515e000"}', '2026-12-07 17:54:20.581882+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'cc5d6f84-85d1-4656-9912-8824be1afb56', 'space.member_added', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'space', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '127.0.0.1', '{"role": "MEMBER", "accountId": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:20.662722+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'cf88aff9-bcfc-48d9-a7a8-28f37f8be33e', 'post.deleted', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'post', '7af778a3-7d97-41a3-8113-6173c0ce15ed', '127.0.0.1', '{"spaceId": "d1e65d6b-9f00-40e6-8083-ae16304eb710"}', '2026-12-07 17:54:21.283881+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '27e95745-4d23-449a-92cf-033aae4783f0', 'space.member_removed', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'space', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '127.0.0.1', '{"accountId": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:21.360846+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '5916baf8-1c3f-411a-a3cb-e087cfa01a36', 'availability.replaced', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'coach', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', '127.0.0.1', '{"slots": 5, "timeZone": "Europe/Berlin"}', '2026-12-07 17:54:21.835286+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'cb903131-189d-4be5-bc06-933ea3b745dc', 'session.booked', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', 'session', 'e2de4b6a-3799-4070-baa2-14947c8d0177', '127.0.0.1', '{"coachId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "startsAt": "2026-12-08T08:00:00Z", "athleteId": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:22.258867+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '528531ec-106a-4492-b657-35e4187e217a', 'session.booked', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', 'session', '02742731-b3f8-4c99-ac49-758ea1e69c8a', '127.0.0.1', '{"coachId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "startsAt": "2026-12-11T08:00:00Z", "athleteId": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:22.558397+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '35930b00-e34d-4e22-aba8-61d8c3158fb7', 'session.cancelled', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', 'session', '02742731-b3f8-4c99-ac49-758ea1e69c8a', '127.0.0.1', '{"reason": "sick"}', '2026-12-07 17:54:22.661837+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '5d9cfece-61bd-4669-99bb-2c2794cfd170', 'data.export_requested', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'export', 'fce6b4a1-e039-473f-bdfa-7d9755e40647', '127.0.0.1', '{"scope": "tenant"}', '2026-12-07 17:54:22.829616+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '14e7c690-b49b-4ec0-af51-3cae03b0c6ef', 'user.erased', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'account', 'cf606b1e-3047-4c69-b6f7-5375417f967c', '127.0.0.1', '{"erasureId": "14d7198d-876b-42f2-941a-56b797ab6651", "mediaDeleted": 0, "accountErased": true, "contentPolicy": "ANONYMIZE", "sessionsCancelled": 0}', '2026-12-07 17:54:23.178614+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '172e8cdb-3826-430f-ba90-8807a97ef3b6', 'account.logged_in', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'account', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', '127.0.0.1', '{}', '2026-12-07 17:56:42.743287+00');
INSERT INTO public.audit_events (tenant_id, id, action, actor_id, target_type, target_id, ip, details, occurred_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '8f08ba9f-6d5d-4dea-ac95-946a3c0431e9', 'media.deleted', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'media', '5b42874b-8fd7-4834-947f-7062db2fe26b', '127.0.0.1', '{"status": "PENDING_UPLOAD", "sizeBytes": 2048}', '2026-12-07 17:56:43.702537+00');


--
-- Data for Name: tenants; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.tenants (id, name, created_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'Riverside Tennis', '2026-12-07 17:54:18.074844+00');


--
-- Data for Name: availabilities; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.availabilities (tenant_id, coach_id, time_zone, updated_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'Europe/Berlin', '2026-12-07 17:54:21.820957+00');


--
-- Data for Name: availability_slots; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.availability_slots (tenant_id, coach_id, day_of_week, start_time, end_time) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 1, '09:00:00', '12:00:00');
INSERT INTO public.availability_slots (tenant_id, coach_id, day_of_week, start_time, end_time) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 2, '09:00:00', '12:00:00');
INSERT INTO public.availability_slots (tenant_id, coach_id, day_of_week, start_time, end_time) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 3, '09:00:00', '12:00:00');
INSERT INTO public.availability_slots (tenant_id, coach_id, day_of_week, start_time, end_time) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 4, '14:00:00', '18:00:00');
INSERT INTO public.availability_slots (tenant_id, coach_id, day_of_week, start_time, end_time) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 5, '09:00:00', '12:00:00');


--
-- Data for Name: calendar_tokens; Type: TABLE DATA; Schema: public; Owner: postgres
--



--
-- Data for Name: cancelled_uploads; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.cancelled_uploads (tenant_id, media_id, upload_expires_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '5b42874b-8fd7-4834-947f-7062db2fe26b', '2026-12-07 18:56:43.581564+00');


--
-- Data for Name: spaces; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.spaces (tenant_id, id, name, description, is_private, owner_id, created_at, updated_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', 'Fixture Space', 'Drills', true, '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', '2026-12-07 17:54:20.407448+00', '2026-12-07 17:54:20.407448+00');


--
-- Data for Name: posts; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.posts (tenant_id, id, space_id, author_id, type, title, content, media_ids, created_at, deleted_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'b7d30757-4161-4500-80e3-5974454c638e', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'TEXT', 'Monday', 'First post here', '{}', '2026-12-07 17:54:20.825594+00', NULL);
INSERT INTO public.posts (tenant_id, id, space_id, author_id, type, title, content, media_ids, created_at, deleted_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '7af778a3-7d97-41a3-8113-6173c0ce15ed', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '781c8b89-d8ad-46ce-a3e9-0ef9b515e000', 'TEXT', 'Oops', 'To be deleted', '{}', '2026-12-07 17:54:21.171032+00', '2026-12-07 17:54:21.276023+00');


--
-- Data for Name: comments; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.comments (tenant_id, id, post_id, author_id, content, created_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'e90d2407-5fe9-4fb8-8ab8-d9fdebdb49e9', 'b7d30757-4161-4500-80e3-5974454c638e', '781c8b89-d8ad-46ce-a3e9-0ef9b515e000', 'Nice work!', '2026-12-07 17:54:20.915403+00');


--
-- Data for Name: data_exports; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.data_exports (tenant_id, id, requested_by, subject_id, status, failure_reason, requested_at, completed_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'fce6b4a1-e039-473f-bdfa-7d9755e40647', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', NULL, 'PENDING', NULL, '2026-12-07 17:54:22.808339+00', NULL);


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: public; Owner: postgres
--



--
-- Data for Name: invitations; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.invitations (tenant_id, id, email, role, token_hash, invited_by, created_at, expires_at, status, accepted_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '92320772-7ba0-4018-abef-8937a10159d8', 'bo@example.com', 'ATHLETE', '0456c348b322f54d7bcc790bb1358a065782824ed48c1158e9a026aa5b8a9129', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', '2026-12-07 17:54:19.053479+00', '2026-12-14 17:54:19.053479+00', 'ACCEPTED', '2026-12-07 17:54:19.326857+00');
INSERT INTO public.invitations (tenant_id, id, email, role, token_hash, invited_by, created_at, expires_at, status, accepted_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '317141e2-2038-4b87-a409-abcee1cd306b', 'cy@example.com', 'ATHLETE', '2a802e620316d0fe714ec8b29bb6af214900ae440665874743695a4000f29e84', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', '2026-12-07 17:54:19.550581+00', '2026-12-14 17:54:19.550581+00', 'ACCEPTED', '2026-12-07 17:54:19.764033+00');
INSERT INTO public.invitations (tenant_id, id, email, role, token_hash, invited_by, created_at, expires_at, status, accepted_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '9da7b9cb-aa3e-4474-868e-1713aefaaf8a', 'dee@example.com', 'COACH', '4da77e868b37b412259f2e2418b915886acc059c0e81e01dacb8f199d1c0d882', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', '2026-12-07 17:54:20.312372+00', '2026-12-14 17:54:20.312372+00', 'PENDING', NULL);


--
-- Data for Name: media_assets; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.media_assets (tenant_id, id, uploader_id, space_id, file_name, content_type, size_bytes, multipart_upload_id, status, width, height, duration_ms, has_thumbnail, failure_reason, created_at, upload_expires_at, uploaded_at, staging_cleared) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '7d67cb86-cd63-424f-8b99-72f105ab2231', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', NULL, 'one.png', 'image/png', 2048, NULL, 'FAILED', NULL, NULL, NULL, false, 'processing did not finish within 1 minutes; upload the file again', '2026-12-07 17:54:21.446471+00', '2026-12-07 18:54:21.446471+00', '2026-12-07 17:54:21.714523+00', false);
INSERT INTO public.media_assets (tenant_id, id, uploader_id, space_id, file_name, content_type, size_bytes, multipart_upload_id, status, width, height, duration_ms, has_thumbnail, failure_reason, created_at, upload_expires_at, uploaded_at, staging_cleared) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '1fdb7189-c163-4c49-a4c0-18e576c18816', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', NULL, 'two.png', 'image/png', 2048, NULL, 'PROCESSING', NULL, NULL, NULL, false, NULL, '2026-12-07 17:56:43.033805+00', '2026-12-07 18:56:43.033805+00', '2026-12-07 17:56:43.455701+00', false);


--
-- Data for Name: memberships; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.memberships (tenant_id, account_id, role, joined_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'ADMIN', '2026-12-07 17:54:18.074844+00');
INSERT INTO public.memberships (tenant_id, account_id, role, joined_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '781c8b89-d8ad-46ce-a3e9-0ef9b515e000', 'ATHLETE', '2026-12-07 17:54:19.326857+00');
INSERT INTO public.memberships (tenant_id, account_id, role, joined_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', 'ATHLETE', '2026-12-07 17:54:19.764033+00');


--
-- Data for Name: notifications; Type: TABLE DATA; Schema: public; Owner: postgres
--



--
-- Data for Name: outbox_events; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'c71bf609-71d5-47db-8aec-b83c4226c018', 1, 'member.invited', 'invitation', '92320772-7ba0-4018-abef-8937a10159d8', '{"role": "ATHLETE", "email": "bo@example.com", "expiresAt": "2026-12-14T17:54:19.053479Z", "invitedBy": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "acceptToken": "qW6GTFwa1wgMwwVTtTEEP6KU4CBWduPAaCy-1-ZLVe0"}', '2026-12-07 17:54:19.053479+00', '2026-12-07 17:54:19.067928+00', 0, '2026-12-07 17:54:19.067928+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'b97f9ae1-79f5-4eb0-836c-16ba358da353', 2, 'member.invited', 'invitation', '317141e2-2038-4b87-a409-abcee1cd306b', '{"role": "ATHLETE", "email": "cy@example.com", "expiresAt": "2026-12-14T17:54:19.550581Z", "invitedBy": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "acceptToken": "ZZKoigN4W20VKj77g2cDmITItD49FHrbzqJnxZ5GYms"}', '2026-12-07 17:54:19.550581+00', '2026-12-07 17:54:19.552687+00', 0, '2026-12-07 17:54:19.552687+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '2d659c43-f184-4f4c-ae79-a34923949945', 4, 'member.invited', 'invitation', '9da7b9cb-aa3e-4474-868e-1713aefaaf8a', '{"role": "COACH", "email": "dee@example.com", "expiresAt": "2026-12-14T17:54:20.312372Z", "invitedBy": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "acceptToken": "1haya_ucrF6Ns-JsM1-WQjO1YR1HAVRmuPb7W8ObidU"}', '2026-12-07 17:54:20.312372+00', '2026-12-07 17:54:20.313118+00', 0, '2026-12-07 17:54:20.313118+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'efa2bf6e-0ff4-4d31-b29d-0eabe686aa80', 5, 'space.member_added', 'space', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '{"role": "MEMBER", "addedBy": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "accountId": "781c8b89-d8ad-46ce-a3e9-0ef9b515e000"}', '2026-12-07 17:54:20.578826+00', '2026-12-07 17:54:20.526402+00', 0, '2026-12-07 17:54:20.526402+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'c1fce697-baa7-45b2-9eea-862e8ce5bfc4', 6, 'space.member_added', 'space', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '{"role": "MEMBER", "addedBy": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "accountId": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:20.660056+00', '2026-12-07 17:54:20.640536+00', 0, '2026-12-07 17:54:20.640536+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '88d4940d-4106-4bd8-b025-d270684c60b1', 7, 'post.created', 'post', 'b7d30757-4161-4500-80e3-5974454c638e', '{"type": "TEXT", "title": "Monday", "spaceId": "d1e65d6b-9f00-40e6-8083-ae16304eb710", "authorId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed"}', '2026-12-07 17:54:20.848529+00', '2026-12-07 17:54:20.827272+00', 0, '2026-12-07 17:54:20.827272+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'cddaa0c6-c552-4c59-9d08-6bdfbb13c5e1', 8, 'comment.created', 'comment', 'e90d2407-5fe9-4fb8-8ab8-d9fdebdb49e9', '{"postId": "b7d30757-4161-4500-80e3-5974454c638e", "spaceId": "d1e65d6b-9f00-40e6-8083-ae16304eb710", "authorId": "781c8b89-d8ad-46ce-a3e9-0ef9b515e000", "postAuthorId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed"}', '2026-12-07 17:54:21.070751+00', '2026-12-07 17:54:20.918857+00', 0, '2026-12-07 17:54:20.918857+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '3536a52e-9079-43d7-acc2-e92139c8ea3f', 9, 'post.created', 'post', '7af778a3-7d97-41a3-8113-6173c0ce15ed', '{"type": "TEXT", "title": "Oops", "spaceId": "d1e65d6b-9f00-40e6-8083-ae16304eb710", "authorId": "781c8b89-d8ad-46ce-a3e9-0ef9b515e000"}', '2026-12-07 17:54:21.187862+00', '2026-12-07 17:54:21.175481+00', 0, '2026-12-07 17:54:21.175481+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '7be7039e-ab48-4b6e-8950-9f6bcde595bf', 10, 'post.deleted', 'post', '7af778a3-7d97-41a3-8113-6173c0ce15ed', '{"spaceId": "d1e65d6b-9f00-40e6-8083-ae16304eb710", "authorId": "781c8b89-d8ad-46ce-a3e9-0ef9b515e000", "deletedBy": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed"}', '2026-12-07 17:54:21.279882+00', '2026-12-07 17:54:21.260547+00', 0, '2026-12-07 17:54:21.260547+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'd1b5f529-0bfe-4e0f-8195-17886a31767b', 11, 'space.member_removed', 'space', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '{"accountId": "a78467b4-4640-4af3-8927-ad81f5fccd1e", "removedBy": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed"}', '2026-12-07 17:54:21.35867+00', '2026-12-07 17:54:21.344553+00', 0, '2026-12-07 17:54:21.344553+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '47f00b0d-936f-4b0e-b57f-678b80385c18', 12, 'media.uploaded', 'media', '7d67cb86-cd63-424f-8b99-72f105ab2231', '{"objectKey": "ff4c8ea6-4337-42e4-9ecb-73e70f8bb768/7d67cb86-cd63-424f-8b99-72f105ab2231/original", "sizeBytes": 2048, "contentType": "image/png"}', '2026-12-07 17:54:21.721594+00', '2026-12-07 17:54:21.703101+00', 0, '2026-12-07 17:54:21.703101+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '423325ec-f240-4845-b471-cf048e3501dc', 13, 'session.scheduled', 'session', 'e2de4b6a-3799-4070-baa2-14947c8d0177', '{"endsAt": "2026-12-08T09:00:00Z", "coachId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "bookedBy": "a78467b4-4640-4af3-8927-ad81f5fccd1e", "startsAt": "2026-12-08T08:00:00Z", "athleteId": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:22.19806+00', '2026-12-07 17:54:22.205357+00', 0, '2026-12-07 17:54:22.205357+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'e5e9d4ae-151c-4432-9d00-c6af44052bb1', 14, 'session.scheduled', 'session', '02742731-b3f8-4c99-ac49-758ea1e69c8a', '{"endsAt": "2026-12-11T09:00:00Z", "coachId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "bookedBy": "a78467b4-4640-4af3-8927-ad81f5fccd1e", "startsAt": "2026-12-11T08:00:00Z", "athleteId": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:22.531474+00', '2026-12-07 17:54:22.533414+00', 0, '2026-12-07 17:54:22.533414+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '5bb0d1b4-af0a-4806-923e-550d419be368', 15, 'session.cancelled', 'session', '02742731-b3f8-4c99-ac49-758ea1e69c8a', '{"endsAt": "2026-12-11T09:00:00Z", "reason": "sick", "coachId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "startsAt": "2026-12-11T08:00:00Z", "athleteId": "a78467b4-4640-4af3-8927-ad81f5fccd1e", "cancelledBy": "a78467b4-4640-4af3-8927-ad81f5fccd1e"}', '2026-12-07 17:54:22.654526+00', '2026-12-07 17:54:22.649356+00', 0, '2026-12-07 17:54:22.649356+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '44d83637-d8d6-4269-ba37-f5d964b4b29c', 16, 'export.requested', 'export', 'fce6b4a1-e039-473f-bdfa-7d9755e40647', '{"scope": "tenant"}', '2026-12-07 17:54:22.808339+00', '2026-12-07 17:54:22.800198+00', 0, '2026-12-07 17:54:22.800198+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '05e69e5d-37b1-43f2-a663-87471d10c2e7', 17, 'user.erased', 'account', 'cf606b1e-3047-4c69-b6f7-5375417f967c', '{"mediaIds": []}', '2026-12-07 17:54:23.045032+00', '2026-12-07 17:54:22.954113+00', 0, '2026-12-07 17:54:22.954113+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'a83a4609-9f3a-484a-ba10-09cc99120e5b', 18, 'media.processed', 'media', '7d67cb86-cd63-424f-8b99-72f105ab2231', '{"status": "FAILED", "failureReason": "processing did not finish within 1 minutes; upload the file again"}', '2026-12-07 17:55:24.057331+00', '2026-12-07 17:55:23.939331+00', 0, '2026-12-07 17:55:23.939331+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '9574a24f-5b75-48e8-ab21-d564859b3af6', 19, 'session.reminder', 'session', 'e2de4b6a-3799-4070-baa2-14947c8d0177', '{"endsAt": "2026-12-08T09:00:00Z", "coachId": "10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed", "startsAt": "2026-12-08T08:00:00Z", "athleteId": "a78467b4-4640-4af3-8927-ad81f5fccd1e", "offsetMinutes": 845}', '2026-12-07 17:56:11.756394+00', '2026-12-07 17:56:11.98503+00', 0, '2026-12-07 17:56:11.98503+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '46731fac-e31e-4c7b-80fe-65c8e5331d6c', 20, 'media.uploaded', 'media', '1fdb7189-c163-4c49-a4c0-18e576c18816', '{"objectKey": "ff4c8ea6-4337-42e4-9ecb-73e70f8bb768/1fdb7189-c163-4c49-a4c0-18e576c18816/original", "sizeBytes": 2048, "contentType": "image/png"}', '2026-12-07 17:56:43.506331+00', '2026-12-07 17:56:43.43896+00', 0, '2026-12-07 17:56:43.43896+00', NULL, NULL, NULL);
INSERT INTO public.outbox_events (tenant_id, id, sequence_number, type, subject_type, subject_id, payload, occurred_at, recorded_at, attempts, next_attempt_at, last_error, published_at, dead_at) OVERRIDING SYSTEM VALUE VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '8981e9d6-b346-4510-a5cd-c005f584cb2e', 21, 'media.deleted', 'media', '5b42874b-8fd7-4834-947f-7062db2fe26b', '{"status": "PENDING_UPLOAD", "sizeBytes": 2048}', '2026-12-07 17:56:43.699655+00', '2026-12-07 17:56:43.670188+00', 0, '2026-12-07 17:56:43.670188+00', NULL, NULL, NULL);


--
-- Data for Name: processed_events; Type: TABLE DATA; Schema: public; Owner: postgres
--



--
-- Data for Name: refresh_tokens; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.refresh_tokens (id, family_id, account_id, session_tenant_id, token_hash, issued_at, expires_at, rotated_at, revoked_at) VALUES ('8ff6c319-76cf-4261-92f2-0f109469203e', 'ae8d207a-f1ee-4627-ae6d-3f35071f747f', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'ff9bcc4a13633e059c1978d08de38bdf94ef8edd45034155b0a57aea38d84d3a', '2026-12-07 17:54:18.366396+00', '2027-01-06 17:54:18.366396+00', NULL, NULL);
INSERT INTO public.refresh_tokens (id, family_id, account_id, session_tenant_id, token_hash, issued_at, expires_at, rotated_at, revoked_at) VALUES ('c71a224e-d694-4593-9b89-e54fcc5d4b4c', 'bf44ac84-d46c-4bfd-88ef-37988e92d872', '781c8b89-d8ad-46ce-a3e9-0ef9b515e000', 'ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '3a6e49dc951d2ad9c7f5346504077d1f52718de85d5a213bebdf311bbb79d958', '2026-12-07 17:54:19.400303+00', '2027-01-06 17:54:19.400303+00', NULL, NULL);
INSERT INTO public.refresh_tokens (id, family_id, account_id, session_tenant_id, token_hash, issued_at, expires_at, rotated_at, revoked_at) VALUES ('f9f28c1b-5706-441d-9df1-fb26bbec7cf2', '134b544f-5a02-40c9-8370-486ccead488e', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', 'ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'fd73dc5f18c6c125261438d883017c4ae139c92528147a0ba7ae7cae4a1d50dd', '2026-12-07 17:54:19.790806+00', '2027-01-06 17:54:19.790806+00', NULL, NULL);
INSERT INTO public.refresh_tokens (id, family_id, account_id, session_tenant_id, token_hash, issued_at, expires_at, rotated_at, revoked_at) VALUES ('c716a664-72d7-4ce2-9cc4-7415613ec125', '0e5b68f5-a4c7-47e3-bcfd-6fb2057809c3', 'cf606b1e-3047-4c69-b6f7-5375417f967c', 'ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '48339817970778a09066c6b8c45fdbe126be4548e30d034a7f22af28fbe6222f', '2026-12-07 17:54:20.185611+00', '2027-01-06 17:54:20.185611+00', NULL, '2026-12-07 17:54:23.045032+00');
INSERT INTO public.refresh_tokens (id, family_id, account_id, session_tenant_id, token_hash, issued_at, expires_at, rotated_at, revoked_at) VALUES ('08fc604a-bfda-4364-b639-22b262fda048', 'c900fc94-a2e9-4adb-a3fb-c57503ab5ccc', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '6ec7d1ee6d053bedf11ec9a56517f39e86e04d6924eaed46a09c997a70d49b0d', '2026-12-07 17:56:42.820652+00', '2027-01-06 17:56:42.820652+00', NULL, NULL);


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.sessions (tenant_id, id, coach_id, athlete_id, space_id, starts_at, ends_at, status, notes, cancel_reason, created_at, cancelled_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'e2de4b6a-3799-4070-baa2-14947c8d0177', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', NULL, '2026-12-08 08:00:00+00', '2026-12-08 09:00:00+00', 'SCHEDULED', NULL, NULL, '2026-12-07 17:54:22.19806+00', NULL);
INSERT INTO public.sessions (tenant_id, id, coach_id, athlete_id, space_id, starts_at, ends_at, status, notes, cancel_reason, created_at, cancelled_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', '02742731-b3f8-4c99-ac49-758ea1e69c8a', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'a78467b4-4640-4af3-8927-ad81f5fccd1e', NULL, '2026-12-11 08:00:00+00', '2026-12-11 09:00:00+00', 'CANCELLED', NULL, 'sick', '2026-12-07 17:54:22.531474+00', '2026-12-07 17:54:22.654526+00');


--
-- Data for Name: session_reminders; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.session_reminders (tenant_id, session_id, offset_seconds, sent_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'e2de4b6a-3799-4070-baa2-14947c8d0177', 50700, '2026-12-07 17:56:11.756394+00');


--
-- Data for Name: space_members; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.space_members (tenant_id, space_id, account_id, role, added_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '10fed6db-d7bc-4c5f-b0fd-0d6f9c7f67ed', 'OWNER', '2026-12-07 17:54:20.407448+00');
INSERT INTO public.space_members (tenant_id, space_id, account_id, role, added_at) VALUES ('ff4c8ea6-4337-42e4-9ecb-73e70f8bb768', 'd1e65d6b-9f00-40e6-8083-ae16304eb710', '781c8b89-d8ad-46ce-a3e9-0ef9b515e000', 'MEMBER', '2026-12-07 17:54:20.577096+00');


--
-- Name: outbox_events_sequence_number_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.outbox_events_sequence_number_seq', 21, true);


--
-- PostgreSQL database dump complete
--


