-- V2: each activity's counting state, kept next to it for read-decide-write counting (issue 3).
--
-- PostgreSQL's version of common/V2__counting_state.sql (read its comments): the same columns, with partial indexes
-- that leave out the rows they can never find. Most activities carry no exclusion reason, and deal events, contact
-- creations, excluded interactions and every row written under V1 carry no group keys. PostgreSQL uses a partial
-- index for "duplicate_key IN (...)" because that condition implies "duplicate_key IS NOT NULL".
--
-- Rows written under V1 get NULL everywhere (counting state unknown, contributions and aggregates kept as they
-- were); a rebuild fills in the state. ADD COLUMN without a default does not rewrite the table, and the partial
-- indexes start empty, so this migration is quick on a large V1 log.

ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS local_day DATE;
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS exclusion_reason VARCHAR(64);
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS duplicate_key VARCHAR(1024);
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS contact_key VARCHAR(1024);
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS counted_generation BIGINT;
ALTER TABLE pace_cursor ADD COLUMN IF NOT EXISTS counting_generation BIGINT DEFAULT 1 NOT NULL;

CREATE INDEX IF NOT EXISTS pace_activity_duplicate_key_ix ON pace_activity (duplicate_key)
    WHERE duplicate_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS pace_activity_contact_key_ix ON pace_activity (contact_key)
    WHERE contact_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS pace_activity_excluded_ix ON pace_activity (actor_id, local_day)
    WHERE exclusion_reason IS NOT NULL;

DROP INDEX IF EXISTS pace_contribution_manager_day_ix;

-- Aggregate rows are counters updated in place. Free space in each page lets PostgreSQL update a row without
-- touching its indexes (a HOT update; metric_value is in no index). Applies to pages written from now on, which
-- after a rebuild (TRUNCATE) is all of them.
ALTER TABLE pace_daily_aggregate SET (fillfactor = 80);
