CREATE TABLE restored_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind text NOT NULL);
CREATE TABLE restored_archive (id bigint NOT NULL, kind text NOT NULL);
CREATE TABLE restored_kinds (kind text NOT NULL);
INSERT INTO restored_events OVERRIDING SYSTEM VALUE SELECT * FROM restored_archive;
INSERT INTO restored_events (kind) SELECT kind FROM restored_archive;
INSERT INTO restored_events (kind) SELECT k.* FROM restored_kinds AS k;
-- the star stands for a table the replay does not know: not judged
INSERT INTO restored_events SELECT * FROM pg_temp.outside_table;
WITH back AS (DELETE FROM restored_archive RETURNING *) INSERT INTO restored_events OVERRIDING SYSTEM VALUE SELECT * FROM back;
