-- Failed login attempts (ListUserUsageMetric's user_login_fail_count): one row per desktop, user and
-- second, so two failures of one user on one desktop in the same second are one attempt.
CREATE TABLE login_failure (
    project_id  text        NOT NULL,
    resource_id text        NOT NULL,
    user_name   text        NOT NULL,
    at          timestamptz NOT NULL,
    PRIMARY KEY (project_id, resource_id, user_name, at),
    FOREIGN KEY (project_id, resource_id) REFERENCES desktop ON DELETE CASCADE
);
CREATE INDEX login_failure_at ON login_failure (at);

-- Counting the logins of a day reads the sessions that start in it, zero-length ones included.
CREATE INDEX desktop_session_login_at ON desktop_session (login_at);

-- One row per user and day with any use or login attempt, written by the daily aggregation next to the
-- desktops' points: seconds of use (per desktop the union of the user's sessions, added over desktops),
-- successful logins and failed ones. Kept as long as the desktops' points; queries see the last 30 days.
CREATE TABLE user_daily_usage (
    project_id    text    NOT NULL,
    user_name     text    NOT NULL,
    day           date    NOT NULL,
    usage_seconds bigint  NOT NULL CHECK (usage_seconds >= 0),
    login_success integer NOT NULL CHECK (login_success >= 0),
    login_fail    integer NOT NULL CHECK (login_fail >= 0),
    PRIMARY KEY (project_id, user_name, day)
);
CREATE INDEX user_daily_usage_day ON user_daily_usage (day);
