-- V3: an activity's counterparts and contributions move into its own row, and duplicate groups are found through
-- the contact index (issue 3, ingest speed).
--
-- Two side tables (pace_activity_counterpart, pace_contribution) cost an insert and an index entry each per row, and
-- a join per read: more than half of the ingest time. Their rows become packed text in two new columns, in the
-- format of PackedLists.java (records separated by chr(30), fields by chr(31), NULL written "~", and "%", "~",
-- chr(30), chr(31) escaped as %25, %7E, %1E, %1F); keep the two in step.
--
-- Contributions now count only while the row's counted_generation is current, so a reset need not delete them.
-- A row written under V1 and never recounted kept its contributions without a generation: it gets the current one.
--
-- The lookups read only the earliest members of a group (both group rules elect the earliest), so the contact index
-- is ordered by time and id (C collation: code point order, the same as Java's for the ids hosts use), and the
-- index on duplicate keys goes: a duplicate group is found through its contact within the group's span of time.

ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS counterparts TEXT;
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS contributions TEXT;

UPDATE pace_activity a SET counterparts = c.packed
FROM (SELECT activity_id, string_agg(
          COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(contact_id, '%', '%25'), '~', '%7E'), chr(30), '%1E'), chr(31), '%1F'), '~')
          || chr(31) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(account_id, '%', '%25'), '~', '%7E'), chr(30), '%1E'), chr(31), '%1F'), '~')
          || chr(31) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(email, '%', '%25'), '~', '%7E'), chr(30), '%1E'), chr(31), '%1F'), '~')
          || chr(31) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(phone, '%', '%25'), '~', '%7E'), chr(30), '%1E'), chr(31), '%1F'), '~')
          || chr(31) || CASE WHEN internal THEN '1' ELSE '0' END,
          chr(30) ORDER BY position) AS packed
      FROM pace_activity_counterpart GROUP BY activity_id) c
WHERE c.activity_id = a.id;

UPDATE pace_activity a SET contributions = c.packed
FROM (SELECT activity_id, string_agg(
          REPLACE(REPLACE(REPLACE(REPLACE(manager_id, '%', '%25'), '~', '%7E'), chr(30), '%1E'), chr(31), '%1F')
          || chr(31) || REPLACE(REPLACE(REPLACE(REPLACE(metric, '%', '%25'), '~', '%7E'), chr(30), '%1E'), chr(31), '%1F')
          || chr(31) || to_char(local_day, 'YYYY-MM-DD') || chr(31) || CAST(metric_value AS TEXT),
          chr(30)) AS packed
      FROM pace_contribution GROUP BY activity_id) c
WHERE c.activity_id = a.id;

UPDATE pace_activity SET counted_generation = (SELECT counting_generation FROM pace_cursor WHERE id = 1)
WHERE counted_generation IS NULL AND contributions IS NOT NULL;

DROP TABLE pace_contribution;
DROP TABLE pace_activity_counterpart;

DROP INDEX IF EXISTS pace_activity_duplicate_key_ix;
DROP INDEX IF EXISTS pace_activity_contact_key_ix;
CREATE INDEX IF NOT EXISTS pace_activity_contact_ix
    ON pace_activity (contact_key, occurred_at_epoch_s, occurred_at_nano, id COLLATE "C")
    WHERE contact_key IS NOT NULL;
