-- V5: the deal events the funnel reads, and the goals, targets and their audit history (issue 4).
--
-- H2's version of postgresql/V5__deal_events_and_targets.sql: the same tables, without COLLATE "C" (H2 compares
-- strings as Java does already) and with H2's spelling of a generated column. Re-runnable (IF NOT EXISTS, guarded
-- insert) for the reason V1 gives.

-- A projection of the activity log: one row per activity that is, as last written, a deal event (kind
-- DEAL_STAGE_CHANGED, DEAL_WON or DEAL_LOST, with a deal id, not deleted), so that the funnel reads the few deal
-- events instead of the whole log. Every write of the log keeps it in step, in the same transaction
-- (JdbcPaceStore.writeLocked); it depends on no counting rule, so a reset or a recount leaves it alone.
CREATE TABLE IF NOT EXISTS pace_deal_event (
    activity_id         VARCHAR(255)  NOT NULL,
    deal_id             VARCHAR(255)  NOT NULL,
    manager_id          VARCHAR(255)  NOT NULL,
    kind                VARCHAR(64)   NOT NULL,
    stage               VARCHAR(255),
    occurred_at_epoch_s BIGINT        NOT NULL,
    occurred_at_nano    INTEGER       NOT NULL,
    amount              NUMERIC(19, 4),
    currency            VARCHAR(3),
    CONSTRAINT pace_deal_event_pk PRIMARY KEY (activity_id)
);
-- "The deals a manager moved in a time range": one range per manager, the deal read from the index itself.
CREATE INDEX IF NOT EXISTS pace_deal_event_manager_ix
    ON pace_deal_event (manager_id, occurred_at_epoch_s, occurred_at_nano, deal_id);
-- "Every event of these deals", in the order dealHistories gives them.
CREATE INDEX IF NOT EXISTS pace_deal_event_deal_ix
    ON pace_deal_event (deal_id, occurred_at_epoch_s, occurred_at_nano, activity_id);

-- The deal events logged so far. Only into an empty table: once it has rows every write keeps it up to date, and
-- running this again must not add them twice. Reads the whole log once, inside the migration.
INSERT INTO pace_deal_event (activity_id, deal_id, manager_id, kind, stage, occurred_at_epoch_s, occurred_at_nano,
                             amount, currency)
    SELECT id, deal_id, actor_id, kind, stage, occurred_at_epoch_s, occurred_at_nano, amount, currency
    FROM pace_activity
    WHERE deleted = FALSE AND deal_id IS NOT NULL AND kind IN ('DEAL_STAGE_CHANGED', 'DEAL_WON', 'DEAL_LOST')
      AND NOT EXISTS (SELECT 1 FROM pace_deal_event);

-- Goals as the engine encodes them (definition: its text, not interpreted here), versioned for optimistic
-- concurrency: a write names the version it read, under a row lock (SELECT ... FOR UPDATE). Times as epoch seconds
-- and nanoseconds, like pace_activity.
CREATE TABLE IF NOT EXISTS pace_goal (
    id                  VARCHAR(255)      NOT NULL,
    version             BIGINT            NOT NULL,
    scope_type          VARCHAR(16)       NOT NULL,
    scope_id            VARCHAR(255)      NOT NULL,
    period              VARCHAR(32)       NOT NULL,
    period_from         DATE              NOT NULL,
    period_to           DATE              NOT NULL,
    definition          CHARACTER VARYING NOT NULL,
    summary             CHARACTER VARYING NOT NULL,
    updated_by          VARCHAR(255)      NOT NULL,
    updated_at_epoch_s  BIGINT            NOT NULL,
    updated_at_nano     INTEGER           NOT NULL,
    CONSTRAINT pace_goal_pk PRIMARY KEY (id),
    -- one goal per scope and period, even when two admins create one at once
    CONSTRAINT pace_goal_scope_period_uq UNIQUE (scope_type, scope_id, period)
);
CREATE INDEX IF NOT EXISTS pace_goal_scope_ix ON pace_goal (scope_type, scope_id, period_from);

-- Targets: manual ones (goal_id NULL) and those derived from a goal, which belong to it. At most one manual target
-- per scope, metric and period, enforced by the database even when two writers insert at once: is_manual is TRUE for
-- a manual target and NULL for a derived one, and a unique constraint treats NULLs as distinct, so it binds manual
-- targets only (H2 has no partial indexes). The store turns its violation into a ConflictException by the
-- constraint's name (pace_target_manual_uq).
CREATE TABLE IF NOT EXISTS pace_target (
    id                  VARCHAR(255)      NOT NULL,
    version             BIGINT            NOT NULL,
    scope_type          VARCHAR(16)       NOT NULL,
    scope_id            VARCHAR(255)      NOT NULL,
    metric              VARCHAR(320)      NOT NULL,
    period              VARCHAR(32)       NOT NULL,
    period_from         DATE              NOT NULL,
    period_to           DATE              NOT NULL,
    target_value        BIGINT            NOT NULL,
    goal_id             VARCHAR(255),
    explanation         CHARACTER VARYING,
    updated_by          VARCHAR(255)      NOT NULL,
    updated_at_epoch_s  BIGINT            NOT NULL,
    updated_at_nano     INTEGER           NOT NULL,
    is_manual           BOOLEAN GENERATED ALWAYS AS (CASE WHEN goal_id IS NULL THEN TRUE END),
    CONSTRAINT pace_target_pk PRIMARY KEY (id),
    CONSTRAINT pace_target_goal_fk FOREIGN KEY (goal_id) REFERENCES pace_goal (id),
    CONSTRAINT pace_target_manual_uq UNIQUE (scope_type, scope_id, metric, period, is_manual)
);
-- targetsOn: the targets of some scopes whose period contains a day.
CREATE INDEX IF NOT EXISTS pace_target_scope_ix ON pace_target (scope_type, scope_id, period_from);
-- A goal's derived targets, replaced and deleted with it.
CREATE INDEX IF NOT EXISTS pace_target_goal_ix ON pace_target (goal_id);

-- The audit history of goals and targets: who changed what when, with the old and the new summary. Appended in the
-- transaction of each change, never updated; kept after a deletion. The sequence orders all changes.
CREATE TABLE IF NOT EXISTS pace_target_change (
    sequence            BIGINT GENERATED ALWAYS AS IDENTITY,
    entity              VARCHAR(16)       NOT NULL,
    entity_id           VARCHAR(255)      NOT NULL,
    version             BIGINT            NOT NULL,
    action              VARCHAR(16)       NOT NULL,
    actor               VARCHAR(255)      NOT NULL,
    at_epoch_s          BIGINT            NOT NULL,
    at_nano             INTEGER           NOT NULL,
    before_summary      CHARACTER VARYING,
    after_summary       CHARACTER VARYING,
    CONSTRAINT pace_target_change_pk PRIMARY KEY (sequence)
);
CREATE INDEX IF NOT EXISTS pace_target_change_entity_ix ON pace_target_change (entity_id, sequence);
