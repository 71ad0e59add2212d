-- Finds the sessions overlapping a day without scanning every older session.
CREATE INDEX desktop_session_span ON desktop_session
    USING gist (tstzrange(login_at, coalesce(logout_at, 'infinity'::timestamptz), '[)'));

-- Days the daily job has aggregated (catch-up takes the days missing here); runs counts aggregations,
-- so that a day aggregated twice by two replicas would show.
CREATE TABLE aggregated_day (
    day           date        PRIMARY KEY,
    aggregated_at timestamptz NOT NULL DEFAULT now(),
    runs          integer     NOT NULL DEFAULT 1
);
