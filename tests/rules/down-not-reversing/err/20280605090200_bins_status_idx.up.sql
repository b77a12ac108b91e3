DROP INDEX IF EXISTS bins_status_idx;
