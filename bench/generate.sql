-- Deterministic benchmark data for one project, written straight into the emulator's schema
-- (src/main/resources/db/migration): desktops, 180 days of daily points and the sessions of the last days.
--
--   psql -v project=bench-10k -v desktops=10000 -v seed=42 [-v today=2026-06-15] -f bench/generate.sql
--
-- Every figure comes from hashes of (seed, desktop, day), never from random(), so the same variables give
-- the same rows. "today" defaults to the emulator clock's date (UTC statistics zone). The project is wiped
-- first and everything is written in one transaction that ends by giving the project a fresh version, the
-- way the app does on every write, so a running emulator rebuilds its in-memory index on the next query.
--
-- Desktop profiles (by hash): 8% never used, 10% abandoned (regular use that stopped 15 to 90 days ago),
-- 20% light (30% of workdays, 0.5 to 3 h), 62% regular (88% of workdays, 3 to 9 h; 8% of weekend days,
-- 1 to 3 h; a third of them take a 7 to 20 day holiday). About 10% of desktops belong to one of 5 pools.
-- Creation days spread over the last 200 days. Only days with use get a row: days without one read as
-- 0 seconds from the creation day on, as the app's aggregation stores them. Points of the last three days
-- are the aggregation of the sessions written with them (re-aggregating reproduces them); older points have
-- no sessions behind them and are stored as explicit, so that no aggregation run removes them.
\set ON_ERROR_STOP on
\if :{?project}
\else
  \echo 'usage: psql -v project=ID [-v desktops=N] [-v seed=S] [-v today=YYYY-MM-DD] -f bench/generate.sql'
  \quit
\endif
\if :{?desktops}
\else
  \set desktops 100
\endif
\if :{?seed}
\else
  \set seed 42
\endif
\if :{?today}
\else
  SELECT (CASE mode WHEN 'fixed' THEN fixed_at
                    WHEN 'offset' THEN now() + offset_ms * interval '1 millisecond'
                    ELSE now() END AT TIME ZONE 'UTC')::date AS today
  FROM clock_state WHERE id = 1 \gset
\endif

BEGIN;

DELETE FROM desktop_session WHERE project_id = :'project';
DELETE FROM daily_usage WHERE project_id = :'project';
DELETE FROM desktop WHERE project_id = :'project';

-- h(salt, key) = a hash in [0, 10000) of the key, one salt per independent draw.
CREATE TEMP TABLE gen_desktop ON COMMIT DROP AS
SELECT d,
       md5(:'seed' || ':' || :'project' || ':' || d)::uuid::text AS rid,
       abs(hashint8extended(d, :seed::bigint * 16 + 1) % 1000) AS kind,
       (:'today'::date - 1 - abs(hashint8extended(d, :seed::bigint * 16 + 2) % 200)::int) AS created_day,
       abs(hashint8extended(d, :seed::bigint * 16 + 3) % 86400) AS created_second,
       abs(hashint8extended(d, :seed::bigint * 16 + 4) % 10) = 0 AS pooled,
       abs(hashint8extended(d, :seed::bigint * 16 + 5) % 5) AS pool,
       15 + abs(hashint8extended(d, :seed::bigint * 16 + 6) % 76) AS stopped_days_ago,
       abs(hashint8extended(d, :seed::bigint * 16 + 7) % 3) = 0 AS takes_holiday,
       1 + abs(hashint8extended(d, :seed::bigint * 16 + 8) % 170) AS holiday_end_days_ago,
       7 + abs(hashint8extended(d, :seed::bigint * 16 + 9) % 14) AS holiday_days,
       (ARRAY['dev', 'fin', 'ops', 'hr', 'sales', 'design', 'support', 'qa'])
           [1 + abs(hashint8extended(d, :seed::bigint * 16 + 10) % 8)] AS department
FROM generate_series(1, :desktops) AS d;

INSERT INTO desktop (project_id, resource_id, resource_name, resource_pool_id, created_at, created_explicit)
SELECT :'project', rid, department || '-' || lpad(d::text, 5, '0'),
       CASE WHEN pooled THEN md5(:'seed' || ':' || :'project' || ':pool:' || pool)::uuid::text END,
       (created_day::timestamp + created_second * interval '1 second') AT TIME ZONE 'UTC', true
FROM gen_desktop;

-- i days ago, for i in 1..180: the retained, aggregated days of a clock past 02:00.
INSERT INTO daily_usage (project_id, resource_id, day, usage_seconds, explicit)
SELECT :'project', rid, day, usage, day < :'today'::date - 3
FROM (
    SELECT g.rid, x.day,
           CASE
               WHEN g.kind < 80 THEN 0
               WHEN g.kind < 180 AND x.i <= g.stopped_days_ago THEN 0
               WHEN g.kind < 380 THEN CASE WHEN x.workday AND x.p < 3000 THEN 1800 + x.v * 9000 / 10000 ELSE 0 END
               WHEN g.takes_holiday AND x.i BETWEEN g.holiday_end_days_ago AND g.holiday_end_days_ago + g.holiday_days THEN 0
               WHEN x.workday AND x.p < 8800 THEN 10800 + x.v * 21600 / 10000
               WHEN NOT x.workday AND x.p < 800 THEN 3600 + x.v * 7200 / 10000
               ELSE 0
           END AS usage
    FROM gen_desktop g
    CROSS JOIN LATERAL (
        SELECT i, :'today'::date - i AS day,
               extract(isodow FROM :'today'::date - i) < 6 AS workday,
               abs(hashint8extended(g.d * 1024 + i, :seed::bigint * 16 + 11) % 10000) AS p,
               abs(hashint8extended(g.d * 1024 + i, :seed::bigint * 16 + 12) % 10000) AS v
        FROM generate_series(1, 180) AS i
        WHERE :'today'::date - i >= g.created_day
    ) x
) u
WHERE usage > 0;

-- The raw sessions behind the last three days' points: one per day of use, from 08:00 to 09:00 on.
INSERT INTO desktop_session (project_id, resource_id, login_at, logout_at, user_name)
SELECT u.project_id, u.resource_id, l.login_at, l.login_at + u.usage_seconds * interval '1 second',
       'user-' || lpad(g.d::text, 5, '0')
FROM daily_usage u
JOIN gen_desktop g ON g.rid = u.resource_id
CROSS JOIN LATERAL (
    SELECT (u.day + time '08:00' + abs(hashint8extended(g.d * 1024 + (:'today'::date - u.day), :seed::bigint * 16 + 13) % 3600)
            * interval '1 second') AT TIME ZONE 'UTC' AS login_at
) l
WHERE u.project_id = :'project' AND u.day >= :'today'::date - 3;

INSERT INTO project_state (project_id, version) VALUES (:'project', nextval('project_version_seq'))
ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version;

SELECT :'project' AS project, :'today'::date AS today,
       (SELECT count(*) FROM desktop WHERE project_id = :'project') AS desktops,
       (SELECT count(*) FROM desktop WHERE project_id = :'project' AND resource_pool_id IS NOT NULL) AS pooled,
       (SELECT count(*) FROM daily_usage WHERE project_id = :'project') AS points,
       (SELECT count(*) FROM desktop_session WHERE project_id = :'project') AS sessions;

COMMIT;
