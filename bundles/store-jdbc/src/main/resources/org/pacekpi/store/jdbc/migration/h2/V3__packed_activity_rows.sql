-- V3: an activity's counterparts and contributions move into its own row, and duplicate groups are found through
-- the contact index (issue 3, ingest speed). H2's version of postgresql/V3__packed_activity_rows.sql (read its
-- comments): LISTAGG and CHAR instead of string_agg and chr, and a plain index (H2 has no partial indexes, and
-- compares strings as Java does).

ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS counterparts CHARACTER VARYING;
ALTER TABLE pace_activity ADD COLUMN IF NOT EXISTS contributions CHARACTER VARYING;

UPDATE pace_activity a SET counterparts = (SELECT LISTAGG(
          COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(c.contact_id, '%', '%25'), '~', '%7E'), CHAR(30), '%1E'), CHAR(31), '%1F'), '~')
          || CHAR(31) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(c.account_id, '%', '%25'), '~', '%7E'), CHAR(30), '%1E'), CHAR(31), '%1F'), '~')
          || CHAR(31) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(c.email, '%', '%25'), '~', '%7E'), CHAR(30), '%1E'), CHAR(31), '%1F'), '~')
          || CHAR(31) || COALESCE(REPLACE(REPLACE(REPLACE(REPLACE(c.phone, '%', '%25'), '~', '%7E'), CHAR(30), '%1E'), CHAR(31), '%1F'), '~')
          || CHAR(31) || CASE WHEN c.internal THEN '1' ELSE '0' END,
          CHAR(30)) WITHIN GROUP (ORDER BY c.position)
      FROM pace_activity_counterpart c WHERE c.activity_id = a.id)
WHERE EXISTS (SELECT 1 FROM pace_activity_counterpart c WHERE c.activity_id = a.id);

UPDATE pace_activity a SET contributions = (SELECT LISTAGG(
          REPLACE(REPLACE(REPLACE(REPLACE(c.manager_id, '%', '%25'), '~', '%7E'), CHAR(30), '%1E'), CHAR(31), '%1F')
          || CHAR(31) || REPLACE(REPLACE(REPLACE(REPLACE(c.metric, '%', '%25'), '~', '%7E'), CHAR(30), '%1E'), CHAR(31), '%1F')
          || CHAR(31) || CAST(c.local_day AS VARCHAR) || CHAR(31) || CAST(c.metric_value AS VARCHAR),
          CHAR(30)) WITHIN GROUP (ORDER BY c.metric)
      FROM pace_contribution c WHERE c.activity_id = a.id)
WHERE EXISTS (SELECT 1 FROM pace_contribution c WHERE c.activity_id = a.id);

UPDATE pace_activity SET counted_generation = (SELECT counting_generation FROM pace_cursor WHERE id = 1)
WHERE counted_generation IS NULL AND contributions IS NOT NULL;

DROP TABLE pace_contribution;
DROP TABLE pace_activity_counterpart;

DROP INDEX IF EXISTS pace_activity_duplicate_key_ix;
DROP INDEX IF EXISTS pace_activity_contact_key_ix;
CREATE INDEX IF NOT EXISTS pace_activity_contact_ix
    ON pace_activity (contact_key, occurred_at_epoch_s, occurred_at_nano, id);
