-- V5: the deal events the funnel reads, and the goals, targets and their audit history (issue 4).
--
-- PostgreSQL's version of h2/V5__deal_events_and_targets.sql (read its comments): the same tables. Ids and the other
-- texts the store orders by are in the "C" collation (code point order, Java's order for the ids hosts use, as the
-- store orders ids elsewhere: V3's contact index, earliestCandidates), declared on the columns so that every
-- comparison, ORDER BY and index on them is in that order without a COLLATE clause in each statement. Nothing
-- compares these columns with columns of another collation. Re-runnable (IF NOT EXISTS, guarded insert).

CREATE TABLE IF NOT EXISTS pace_deal_event (
    activity_id         VARCHAR(255) COLLATE "C" NOT NULL,
    deal_id             VARCHAR(255) COLLATE "C" NOT NULL,
    manager_id          VARCHAR(255) COLLATE "C" NOT NULL,
    kind                VARCHAR(64)              NOT NULL,
    stage               VARCHAR(255),
    occurred_at_epoch_s BIGINT                   NOT NULL,
    occurred_at_nano    INTEGER                  NOT NULL,
    amount              NUMERIC(19, 4),
    currency            VARCHAR(3),
    CONSTRAINT pace_deal_event_pk PRIMARY KEY (activity_id)
);
CREATE INDEX IF NOT EXISTS pace_deal_event_manager_ix
    ON pace_deal_event (manager_id, occurred_at_epoch_s, occurred_at_nano, deal_id);
CREATE INDEX IF NOT EXISTS pace_deal_event_deal_ix
    ON pace_deal_event (deal_id, occurred_at_epoch_s, occurred_at_nano, activity_id);

-- The deal events logged so far, into an empty table only. One pass over the log inside the migration's transaction
-- (no index on pace_activity serves "deal events": they are a tenth of the log, a sequential scan is the quickest).
INSERT INTO pace_deal_event (activity_id, deal_id, manager_id, kind, stage, occurred_at_epoch_s, occurred_at_nano,
                             amount, currency)
    SELECT id, deal_id, actor_id, kind, stage, occurred_at_epoch_s, occurred_at_nano, amount, currency
    FROM pace_activity
    WHERE deleted = FALSE AND deal_id IS NOT NULL AND kind IN ('DEAL_STAGE_CHANGED', 'DEAL_WON', 'DEAL_LOST')
      AND NOT EXISTS (SELECT 1 FROM pace_deal_event);

-- Statistics for the funnel's first read (the store's own check runs only after writes).
ANALYZE pace_deal_event;

CREATE TABLE IF NOT EXISTS pace_goal (
    id                  VARCHAR(255) COLLATE "C" NOT NULL,
    version             BIGINT                   NOT NULL,
    scope_type          VARCHAR(16) COLLATE "C"  NOT NULL,
    scope_id            VARCHAR(255) COLLATE "C" NOT NULL,
    period              VARCHAR(32) COLLATE "C"  NOT NULL,
    period_from         DATE                     NOT NULL,
    period_to           DATE                     NOT NULL,
    definition          TEXT                     NOT NULL,
    summary             TEXT                     NOT NULL,
    updated_by          VARCHAR(255)             NOT NULL,
    updated_at_epoch_s  BIGINT                   NOT NULL,
    updated_at_nano     INTEGER                  NOT NULL,
    CONSTRAINT pace_goal_pk PRIMARY KEY (id),
    -- one goal per scope and period, even when two admins create one at once
    CONSTRAINT pace_goal_scope_period_uq UNIQUE (scope_type, scope_id, period)
);
CREATE INDEX IF NOT EXISTS pace_goal_scope_ix ON pace_goal (scope_type, scope_id, period_from);

-- is_manual: see the H2 script. A partial unique index would do the same here; one mechanism on both databases keeps
-- their behaviour and their error (the constraint pace_target_manual_uq) the same.
CREATE TABLE IF NOT EXISTS pace_target (
    id                  VARCHAR(255) COLLATE "C" NOT NULL,
    version             BIGINT                   NOT NULL,
    scope_type          VARCHAR(16) COLLATE "C"  NOT NULL,
    scope_id            VARCHAR(255) COLLATE "C" NOT NULL,
    metric              VARCHAR(320) COLLATE "C" NOT NULL,
    period              VARCHAR(32) COLLATE "C"  NOT NULL,
    period_from         DATE                     NOT NULL,
    period_to           DATE                     NOT NULL,
    target_value        BIGINT                   NOT NULL,
    goal_id             VARCHAR(255) COLLATE "C",
    explanation         TEXT,
    updated_by          VARCHAR(255)             NOT NULL,
    updated_at_epoch_s  BIGINT                   NOT NULL,
    updated_at_nano     INTEGER                  NOT NULL,
    is_manual           BOOLEAN GENERATED ALWAYS AS (CASE WHEN goal_id IS NULL THEN TRUE END) STORED,
    CONSTRAINT pace_target_pk PRIMARY KEY (id),
    CONSTRAINT pace_target_goal_fk FOREIGN KEY (goal_id) REFERENCES pace_goal (id),
    CONSTRAINT pace_target_manual_uq UNIQUE (scope_type, scope_id, metric, period, is_manual)
);
CREATE INDEX IF NOT EXISTS pace_target_scope_ix ON pace_target (scope_type, scope_id, period_from);
CREATE INDEX IF NOT EXISTS pace_target_goal_ix ON pace_target (goal_id);

CREATE TABLE IF NOT EXISTS pace_target_change (
    sequence            BIGINT GENERATED ALWAYS AS IDENTITY,
    entity              VARCHAR(16)              NOT NULL,
    entity_id           VARCHAR(255) COLLATE "C" NOT NULL,
    version             BIGINT                   NOT NULL,
    action              VARCHAR(16)              NOT NULL,
    actor               VARCHAR(255)             NOT NULL,
    at_epoch_s          BIGINT                   NOT NULL,
    at_nano             INTEGER                  NOT NULL,
    before_summary      TEXT,
    after_summary       TEXT,
    CONSTRAINT pace_target_change_pk PRIMARY KEY (sequence)
);
CREATE INDEX IF NOT EXISTS pace_target_change_entity_ix ON pace_target_change (entity_id, sequence);
