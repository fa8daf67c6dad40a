-- The benchmark's data set, set-based: every statement reads the one row of bench_scale (made by
-- BenchDataSet) and generates all tenants at once. Numbering inside a tenant: member 0 is the ADMIN,
-- members 1..coaches the coaches, the rest athletes; spaces 0..spaces-1, owned by coach 1 + space % coaches.
-- Statements are separated by a semicolon at the end of a line; each one is timed.

CREATE TEMP TABLE bench_tenants AS
SELECT t AS tenant_no, gen_random_uuid() AS tenant_id
  FROM bench_scale, generate_series(1, tenants) AS t;

INSERT INTO tenants (id, name, created_at)
SELECT tenant_id, 'Bench Club ' || tenant_no, at - interval '400 days'
  FROM bench_tenants, bench_scale;

CREATE TEMP TABLE bench_members AS
SELECT b.tenant_no, b.tenant_id, m AS member_no, gen_random_uuid() AS account_id,
       CASE WHEN m = 0 THEN 'ADMIN' WHEN m <= coaches THEN 'COACH' ELSE 'ATHLETE' END AS role,
       CASE WHEN m = 0 THEN 'admin' WHEN m <= coaches THEN 'coach-' || m ELSE 'athlete-' || (m - coaches) END
           || '@tenant-' || b.tenant_no || '.bench.test' AS email,
       at - interval '400 days' + m * interval '1 hour' AS joined_at
  FROM bench_tenants b, bench_scale, generate_series(0, members - 1) AS m;

INSERT INTO accounts (id, email, password_hash, first_name, last_name, created_at, updated_at)
SELECT account_id, email, password_hash, initcap(lower(role)), 'No. ' || member_no || ' of club ' || tenant_no,
       joined_at, joined_at
  FROM bench_members, bench_scale;

INSERT INTO memberships (tenant_id, account_id, role, joined_at)
SELECT tenant_id, account_id, role, joined_at FROM bench_members;

CREATE TEMP TABLE bench_spaces AS
SELECT b.tenant_no, b.tenant_id, s AS space_no, gen_random_uuid() AS space_id, s % 2 = 0 AS is_private,
       1 + s % coaches AS owner_no, at - interval '380 days' + s * interval '1 hour' AS created_at
  FROM bench_tenants b, bench_scale, generate_series(0, spaces - 1) AS s;

INSERT INTO spaces (tenant_id, id, name, description, is_private, owner_id, created_at, updated_at)
SELECT s.tenant_id, s.space_id, CASE WHEN s.is_private THEN 'Squad ' ELSE 'Open forum ' END || s.space_no,
       'Training group ' || s.space_no || ' of club ' || s.tenant_no, s.is_private, m.account_id, s.created_at,
       s.created_at
  FROM bench_spaces s JOIN bench_members m ON m.tenant_no = s.tenant_no AND m.member_no = s.owner_no;

-- Member m is in space s when (m + s) % spaces < spaces_per_member (so in exactly that many spaces),
-- and every owner is in its own spaces. idx numbers the members of a space from 0, for picking authors.
CREATE TEMP TABLE bench_roster AS
SELECT s.tenant_id, s.space_id, m.account_id, m.member_no = s.owner_no AS is_owner,
       greatest(s.created_at, m.joined_at) + interval '1 day' AS added_at,
       (row_number() OVER (PARTITION BY s.space_id ORDER BY m.member_no) - 1)::int AS idx
  FROM bench_spaces s JOIN bench_members m ON m.tenant_no = s.tenant_no, bench_scale
 WHERE (m.member_no + s.space_no) % spaces < spaces_per_member OR m.member_no = s.owner_no;

INSERT INTO space_members (tenant_id, space_id, account_id, role, added_at)
SELECT tenant_id, space_id, account_id, CASE WHEN is_owner THEN 'OWNER' ELSE 'MEMBER' END, added_at
  FROM bench_roster;

CREATE TEMP TABLE bench_space_sizes AS
SELECT space_id, count(*)::int AS size FROM bench_roster GROUP BY space_id;

CREATE UNIQUE INDEX ON bench_roster (space_id, idx);

ANALYZE bench_tenants;

ANALYZE bench_members;

ANALYZE bench_spaces;

ANALYZE bench_roster;

ANALYZE bench_space_sizes;

-- Posts: a random space of the tenant, a random member of it, a random moment of the last year (none
-- later than 10 minutes before the load); a third have a title, one in a hundred is deleted. Rows go in
-- in time order, as a live system writes them, so the heap and the feed indexes are laid out alike.
INSERT INTO posts (tenant_id, id, space_id, author_id, type, title, content, created_at, deleted_at)
SELECT p.tenant_id, gen_random_uuid(), p.space_id, r.account_id, 'TEXT',
       CASE WHEN p.n % 3 = 0 THEN 'Session notes #' || p.n END,
       substr(lorem, 1 + p.n % 97, 40 + p.n * 37 % 600), p.created_at,
       CASE WHEN p.n % 100 = 42 THEN p.created_at + interval '1 hour' END
  FROM (SELECT s.tenant_id, s.space_id, z.size, g.n, floor(random() * z.size)::int AS pick,
               g.at - interval '10 minutes' - random() * interval '365 days' AS created_at
          FROM (SELECT t.tenant_no, n, (n * 7919 + t.tenant_no * 31) % sc.spaces AS space_no, sc.at
                  FROM bench_scale sc, bench_tenants t, generate_series(1, sc.posts) AS n) g
          JOIN bench_spaces s ON s.tenant_no = g.tenant_no AND s.space_no = g.space_no
          JOIN bench_space_sizes z ON z.space_id = s.space_id) p
  JOIN bench_roster r ON r.space_id = p.space_id AND r.idx = p.pick
  CROSS JOIN (SELECT repeat('Warm up for ten minutes, then four sets of intervals at race pace with '
                  || 'two minutes of easy jogging between them. Film the last set from the side so we can '
                  || 'look at your arm carriage together. ', 8) AS lorem) l
 ORDER BY p.created_at;

-- Comments: 0 to 4 per post (2 on average; the count depends on the post, so the series is per row), each by a member of the post's space, in the days after it.
INSERT INTO comments (tenant_id, id, post_id, author_id, content, created_at)
SELECT c.tenant_id, gen_random_uuid(), c.post_id, r.account_id,
       (ARRAY['Done, felt strong today.', 'Can we go over this on Thursday?', 'Great work everyone!',
              'My splits were a bit slower on the third set.', 'Thanks coach, uploading my video later.'])
           [1 + c.k % 5], c.created_at
  FROM (SELECT p.tenant_id, p.id AS post_id, p.space_id, k, floor(random() * z.size)::int AS pick,
               p.created_at + random() * least(sc.at - p.created_at, interval '3 days') AS created_at
          FROM posts p JOIN bench_space_sizes z ON z.space_id = p.space_id, bench_scale sc,
               LATERAL generate_series(1, get_byte(uuid_send(p.id), 0) % 5) AS k) c
  JOIN bench_roster r ON r.space_id = c.space_id AND r.idx = c.pick
 ORDER BY c.created_at;

-- Every coach is available all day, every day, in UTC (an end of 00:00 means midnight, V11).
INSERT INTO availabilities (tenant_id, coach_id, time_zone, updated_at)
SELECT tenant_id, account_id, 'UTC', joined_at FROM bench_members WHERE role = 'COACH';

INSERT INTO availability_slots (tenant_id, coach_id, day_of_week, start_time, end_time)
SELECT tenant_id, account_id, d, time '00:00', time '00:00'
  FROM bench_members, generate_series(1, 7) AS d WHERE role = 'COACH';

-- Sessions: each coach, every week from 26 weeks ago to 25 weeks ahead, on Monday, Wednesday and Friday,
-- one hour starting between 06:00 and 18:00 UTC (so 19:00-24:00 UTC stays free); a tenth cancelled.
-- The athlete is one of the tenant's athletes, turning with coach, week and day.
INSERT INTO sessions (tenant_id, id, coach_id, athlete_id, space_id, starts_at, ends_at, status, notes,
                      cancel_reason, created_at, cancelled_at)
SELECT x.tenant_id, gen_random_uuid(), x.coach_id, a.account_id, NULL, x.starts_at, x.starts_at + interval '1 hour',
       CASE WHEN x.cancelled THEN 'CANCELLED' ELSE 'SCHEDULED' END,
       CASE WHEN x.k = 0 THEN 'Technique block, bring spikes.' END,
       CASE WHEN x.cancelled THEN 'Coach unavailable' END, x.created_at,
       CASE WHEN x.cancelled THEN x.created_at + (least(x.starts_at, sc.at) - x.created_at) / 2 END
  FROM (SELECT c.tenant_no, c.tenant_id, c.account_id AS coach_id, k,
               date_trunc('week', sc.at) + w * interval '1 week' + 2 * k * interval '1 day'
                   + (6 + (c.member_no * 5 + (w + 26) * 3 + k) % 13) * interval '1 hour' AS starts_at,
               sc.coaches + 1 + (c.member_no * 7 + (w + 26) * 3 + k) % (sc.members - sc.coaches - 1) AS athlete_no,
               (c.member_no + (w + 26) * 3 + k) % 10 = 0 AS cancelled,
               least(sc.at, date_trunc('week', sc.at) + (w - 2) * interval '1 week') AS created_at
          FROM bench_members c, bench_scale sc, generate_series(-26, 25) AS w, generate_series(0, 2) AS k
         WHERE c.role = 'COACH') x
  JOIN bench_members a ON a.tenant_no = x.tenant_no AND a.member_no = x.athlete_no
  CROSS JOIN bench_scale sc;
