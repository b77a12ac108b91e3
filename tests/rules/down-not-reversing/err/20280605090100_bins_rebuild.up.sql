-- A swap: bins_status_idx stays on the old table, now bins_old; LIKE gives the new one
-- bins_new_status_idx.
CREATE TABLE IF NOT EXISTS bins_new (LIKE bins INCLUDING ALL);
INSERT INTO bins_new SELECT * FROM bins ON CONFLICT DO NOTHING;
ALTER TABLE bins RENAME TO bins_old;
ALTER TABLE bins_new RENAME TO bins;
