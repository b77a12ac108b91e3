DROP TABLE IF EXISTS snapshot_note, account_snapshot;
