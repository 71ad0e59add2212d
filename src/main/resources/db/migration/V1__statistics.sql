-- The emulator clock: one row every replica reads.
CREATE TABLE clock_state (
    id        smallint PRIMARY KEY CHECK (id = 1),
    mode      text     NOT NULL CHECK (mode IN ('system', 'fixed', 'offset')),
    fixed_at  timestamptz,
    offset_ms bigint   NOT NULL DEFAULT 0
);
INSERT INTO clock_state (id, mode) VALUES (1, 'system');

-- Every write to a project takes a fresh number from this sequence, so a replica can tell with one read
-- whether its in-memory index of the project is current, even across a wipe and reload.
CREATE SEQUENCE project_version_seq;
CREATE TABLE project_state (
    project_id text   PRIMARY KEY,
    version    bigint NOT NULL
);

CREATE TABLE desktop (
    project_id       text        NOT NULL,
    resource_id      text        NOT NULL,
    resource_name    text        NOT NULL,
    resource_pool_id text,
    created_at       timestamptz NOT NULL,
    -- false when created_at was defaulted, so reloading a fixture never moves it later
    created_explicit boolean     NOT NULL,
    PRIMARY KEY (project_id, resource_id)
);

-- One point per desktop and day holding the seconds of use inside that day. Days without a row read as
-- 0 seconds from the desktop's first day on; explicit rows come from fixtures and are never overwritten
-- by aggregation.
CREATE TABLE daily_usage (
    project_id    text    NOT NULL,
    resource_id   text    NOT NULL,
    day           date    NOT NULL,
    usage_seconds integer NOT NULL CHECK (usage_seconds BETWEEN 0 AND 90000),
    explicit      boolean NOT NULL,
    PRIMARY KEY (project_id, resource_id, day),
    FOREIGN KEY (project_id, resource_id) REFERENCES desktop ON DELETE CASCADE
);
CREATE INDEX daily_usage_day ON daily_usage (day);

-- Raw desktop use: one row per login, identified by desktop and login instant; an open session has no
-- logout yet.
CREATE TABLE desktop_session (
    project_id  text        NOT NULL,
    resource_id text        NOT NULL,
    login_at    timestamptz NOT NULL,
    logout_at   timestamptz CHECK (logout_at IS NULL OR logout_at >= login_at),
    user_name   text        NOT NULL,
    PRIMARY KEY (project_id, resource_id, login_at),
    FOREIGN KEY (project_id, resource_id) REFERENCES desktop ON DELETE CASCADE
);
