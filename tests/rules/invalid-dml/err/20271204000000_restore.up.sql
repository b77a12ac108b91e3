CREATE TABLE restored_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text NOT NULL);
CREATE TABLE restored_archive (id bigint NOT NULL, kind text NOT NULL);
CREATE TABLE restored_totals (kind text, total integer GENERATED ALWAYS AS (1) STORED);
INSERT INTO restored_events SELECT * FROM restored_archive;
INSERT INTO restored_events SELECT a.* FROM restored_archive AS a;
WITH back AS (DELETE FROM restored_archive RETURNING *) INSERT INTO restored_events SELECT * FROM back;
INSERT INTO restored_totals SELECT * FROM restored_totals;
INSERT INTO restored_totals SELECT kind, 2 FROM restored_archive;
INSERT INTO restored_events SELECT * FROM restored_archive, restored_archive AS b;
