-- Deterministic benchmark data for the users endpoint (ListUserUsageMetric): one project with N desktops,
-- N users and 30 days of raw sessions and failed logins, written straight into the emulator's schema
-- (src/main/resources/db/migration). The per-user daily figures are NOT written here: bench/users.sh has the
-- app aggregate the 30 days (POST /_emulator/aggregations), so the benchmark also runs the real pipeline.
--
--   psql -v project=bench-users -v users=10000 -v seed=42 -v today=2026-06-15 -f bench/generate-users.sql
--
-- Every figure comes from hashes of (seed, user, day), never from random(). User u works at desktop u; a
-- tenth of the users also keep a second desktop open at the same time (their use adds up), a fifth of the
-- working days hold a second session on the home desktop overlapping the first (a union, not added).
-- Profiles: 5% never log in, 25% light (30% of workdays, 0.5 to 3 h), 70% regular (88% of workdays, 3 to
-- 9 h; 8% of weekend days, 1 to 3 h). 6% of user-days have one or two failed logins before the first one.
\set ON_ERROR_STOP on
\if :{?project}
\else
  \echo 'usage: psql -v project=ID [-v users=N] [-v seed=S] -v today=YYYY-MM-DD -f bench/generate-users.sql'
  \quit
\endif
\if :{?users}
\else
  \set users 10000
\endif
\if :{?seed}
\else
  \set seed 42
\endif

BEGIN;

DELETE FROM desktop WHERE project_id = :'project';
DELETE FROM user_daily_usage WHERE project_id = :'project';

CREATE TEMP TABLE gen_user ON COMMIT DROP AS
SELECT u,
       'user-' || lpad(u::text, 5, '0') AS name,
       'desk-' || lpad(u::text, 5, '0') AS home,
       'desk-' || lpad((1 + abs(hashint8extended(u, :seed::bigint * 16 + 1) % :users))::text, 5, '0') AS second,
       abs(hashint8extended(u, :seed::bigint * 16 + 2) % 100) AS kind,
       abs(hashint8extended(u, :seed::bigint * 16 + 3) % 10) = 0 AS two_desktops
FROM generate_series(1, :users) AS u;

INSERT INTO desktop (project_id, resource_id, resource_name, resource_pool_id, created_at, created_explicit)
SELECT :'project', home, 'pc-' || lpad(u::text, 5, '0'), NULL, (:'today'::date - 60)::timestamp AT TIME ZONE 'UTC', true
FROM gen_user;

-- One working session per used user-day, i days ago (1..30).
CREATE TEMP TABLE gen_day ON COMMIT DROP AS
SELECT g.u, g.name, g.home, g.second, g.two_desktops, x.day,
       (x.day + time '07:30' + (x.p % 7200) * interval '1 second') AT TIME ZONE 'UTC' AS login_at,
       CASE WHEN g.kind < 30 THEN 1800 + x.v * 9000 / 10000
            WHEN x.workday THEN 10800 + x.v * 21600 / 10000
            ELSE 3600 + x.v * 7200 / 10000 END AS seconds,
       x.p2 < 2000 AS doubled,
       x.p2 % 100 < 6 AS failed, 1 + x.p2 % 2 AS failures
FROM gen_user g
CROSS JOIN LATERAL (
    SELECT :'today'::date - i AS day,
           extract(isodow FROM :'today'::date - i) < 6 AS workday,
           abs(hashint8extended(g.u * 64 + i, :seed::bigint * 16 + 4) % 10000) AS p,
           abs(hashint8extended(g.u * 64 + i, :seed::bigint * 16 + 5) % 10000) AS v,
           abs(hashint8extended(g.u * 64 + i, :seed::bigint * 16 + 6) % 10000) AS p2
    FROM generate_series(1, 30) AS i
) x
WHERE g.kind >= 5
  AND CASE WHEN g.kind < 30 THEN x.workday AND x.p < 3000
           WHEN x.workday THEN x.p < 8800
           ELSE x.p < 800 END;

INSERT INTO desktop_session (project_id, resource_id, login_at, logout_at, user_name)
SELECT :'project', home, login_at, login_at + seconds * interval '1 second', name FROM gen_day
UNION ALL
SELECT :'project', home, login_at + interval '1 hour', login_at + (seconds + 1800) * interval '1 second', name
FROM gen_day WHERE doubled
UNION ALL
SELECT :'project', second, login_at + interval '10 minutes', login_at + (seconds / 2) * interval '1 second', name
FROM gen_day WHERE two_desktops AND second <> home
ON CONFLICT DO NOTHING;

INSERT INTO login_failure (project_id, resource_id, user_name, at)
SELECT :'project', home, name, login_at - k * interval '1 minute'
FROM gen_day CROSS JOIN LATERAL generate_series(1, failures) AS k
WHERE failed;

INSERT INTO project_state (project_id, version) VALUES (:'project', nextval('project_version_seq'))
ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version;

SELECT :'project' AS project, :'today'::date AS today,
       (SELECT count(*) FROM desktop WHERE project_id = :'project') AS desktops,
       (SELECT count(DISTINCT user_name) FROM desktop_session WHERE project_id = :'project') AS users,
       (SELECT count(*) FROM desktop_session WHERE project_id = :'project') AS sessions,
       (SELECT count(*) FROM login_failure WHERE project_id = :'project') AS failures;

COMMIT;
