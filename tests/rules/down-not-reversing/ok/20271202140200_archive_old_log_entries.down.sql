WITH back AS (
  DELETE FROM log_entries_archive RETURNING *
)
INSERT INTO log_entries SELECT * FROM back;
