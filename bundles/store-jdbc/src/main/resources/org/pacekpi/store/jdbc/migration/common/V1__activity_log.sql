-- V1: the activity log, each activity's contributions, the daily aggregates and the history cursor.
--
-- Portable SQL that H2 2.x and PostgreSQL both accept, so one script serves both (a dialect folder beside
-- "common" would take precedence). Re-runnable (IF NOT EXISTS, guarded insert) because H2 commits every DDL
-- statement: a migration that failed half-way on H2 can simply run again.
-- "day" and "value" are keywords in H2, hence local_day and metric_value.

-- One row per activity id: the newest version applied, kept as a tombstone (deleted = TRUE) after a deletion so
-- that an older change replayed later is recognised and skipped.
-- occurred_at is kept as epoch seconds + nanosecond of second: exact for every java.time.Instant, identical on
-- both databases, and no time zone conversion on the way in or out.
CREATE TABLE IF NOT EXISTS pace_activity (
    id                  VARCHAR(255)   NOT NULL,
    sequence            BIGINT         NOT NULL,
    deleted             BOOLEAN        NOT NULL,
    occurred_at_epoch_s BIGINT         NOT NULL,
    occurred_at_nano    INTEGER        NOT NULL,
    actor_id            VARCHAR(255)   NOT NULL,
    kind                VARCHAR(64)    NOT NULL,
    channel             VARCHAR(64),
    direction           VARCHAR(64),
    outcome             VARCHAR(64),
    duration_s          BIGINT,
    deal_id             VARCHAR(255),
    stage               VARCHAR(255),
    amount              NUMERIC(19, 4),
    currency            VARCHAR(3),
    automated           BOOLEAN        NOT NULL,
    CONSTRAINT pace_activity_pk PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS pace_activity_counterpart (
    activity_id VARCHAR(255) NOT NULL,
    position    INTEGER      NOT NULL,
    contact_id  VARCHAR(255),
    account_id  VARCHAR(255),
    email       VARCHAR(320),
    phone       VARCHAR(64),
    internal    BOOLEAN      NOT NULL,
    CONSTRAINT pace_activity_counterpart_pk PRIMARY KEY (activity_id, position),
    CONSTRAINT pace_activity_counterpart_activity_fk FOREIGN KEY (activity_id) REFERENCES pace_activity (id)
);

-- What each activity's current version adds to the aggregates, so a correction or deletion can take it back
-- exactly, and so the aggregates can always be recomputed (SUM ... GROUP BY) and checked.
CREATE TABLE IF NOT EXISTS pace_contribution (
    activity_id  VARCHAR(255) NOT NULL,
    manager_id   VARCHAR(255) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    local_day    DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_contribution_activity_fk FOREIGN KEY (activity_id) REFERENCES pace_activity (id)
);
CREATE INDEX IF NOT EXISTS pace_contribution_activity_ix ON pace_contribution (activity_id);
CREATE INDEX IF NOT EXISTS pace_contribution_manager_day_ix ON pace_contribution (manager_id, local_day);

-- The sum of the contributions per manager, metric and the manager's local day. A row whose sum drops to zero is
-- removed, so "no contribution" and "no row" are the same thing.
CREATE TABLE IF NOT EXISTS pace_daily_aggregate (
    manager_id   VARCHAR(255) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    local_day    DATE         NOT NULL,
    metric_value BIGINT       NOT NULL,
    CONSTRAINT pace_daily_aggregate_pk PRIMARY KEY (manager_id, metric, local_day)
);
CREATE INDEX IF NOT EXISTS pace_daily_aggregate_manager_day_ix ON pace_daily_aggregate (manager_id, local_day);

-- The history cursor: a single row. Writers also lock it (SELECT ... FOR UPDATE) to serialize applies across
-- store instances sharing the database.
CREATE TABLE IF NOT EXISTS pace_cursor (
    id               INTEGER NOT NULL,
    applied_sequence BIGINT  NOT NULL,
    CONSTRAINT pace_cursor_pk PRIMARY KEY (id),
    CONSTRAINT pace_cursor_single_row CHECK (id = 1)
);
INSERT INTO pace_cursor (id, applied_sequence)
    SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM pace_cursor WHERE id = 1);
