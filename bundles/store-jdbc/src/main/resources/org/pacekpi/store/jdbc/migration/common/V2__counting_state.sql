-- V2: each activity's counting state, kept next to it for read-decide-write counting (issue 3).
--
-- H2 (and any database without its own folder) runs this script; PostgreSQL runs postgresql/V2__counting_state.sql,
-- the same with partial indexes, which H2 does not have. Re-runnable (IF [NOT] EXISTS) for the reason V1 gives.
--
-- Rows written under V1 get NULL everywhere: their counting state is unknown (V1 never stored it). Their
-- contributions and the aggregates stay as V1 counted them, so the KPIs do not change by the upgrade; a rebuild
-- (RebuildService: resetCounting, then the engine recounts the log) fills in the state. An activity whose
-- counted_generation is NULL has not been counted since the upgrade.

-- The actor's local day of the activity: the day its contributions fall on, and the day the exclusion queries
-- ("why did this not count?") select by.
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS local_day DATE;
-- The ExclusionReason name of an interaction that did not count as a touch; NULL when it counts or is no interaction.
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS exclusion_reason VARCHAR(64);
-- Group keys the engine builds (actor, contact, channel, window; the contact): only compared for equality, never
-- parsed here. 1024 characters leave room for ids of 255 characters each and stay under PostgreSQL's index entry limit.
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS duplicate_key VARCHAR(1024);
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS contact_key VARCHAR(1024);

-- Forgetting every counting state (the first step of a rebuild) must not rewrite every activity row: that takes
-- minutes on a log of millions. Instead a reset moves pace_cursor.counting_generation on, and the state columns of
-- a row count only while its counted_generation equals it; a row's state becomes current again when the engine
-- writes it. NULL (rows from V1) never equals it.
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS counted_generation BIGINT;
ALTER TABLE pace_cursor ADD COLUMN IF NOT EXISTS counting_generation BIGINT DEFAULT 1 NOT NULL;

-- groupMembers(duplicateKeys, contactKeys) looks rows up by either key.
CREATE INDEX IF NOT EXISTS pace_activity_duplicate_key_ix ON pace_activity (duplicate_key);
CREATE INDEX IF NOT EXISTS pace_activity_contact_key_ix ON pace_activity (contact_key);
-- exclusionCounts and excluded: a manager's activities over a range of local days.
CREATE INDEX IF NOT EXISTS pace_activity_excluded_ix ON pace_activity (actor_id, local_day);

-- Nothing queries contributions by manager and day (totals read pace_daily_aggregate; a rebuild recounts the log),
-- and every contribution written had to maintain this index.
DROP INDEX IF EXISTS pace_contribution_manager_day_ix;
