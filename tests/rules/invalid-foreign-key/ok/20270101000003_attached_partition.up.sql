-- A table attached as a partition takes the keys of its parent: a foreign key can use them.
CREATE TABLE readings (id bigint NOT NULL, taken date NOT NULL, PRIMARY KEY (id, taken))
  PARTITION BY RANGE (taken);
CREATE TABLE readings_2027 (id bigint NOT NULL, taken date NOT NULL);
ALTER TABLE readings ATTACH PARTITION readings_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE TABLE reading_notes (
  reading_id bigint,
  taken date,
  FOREIGN KEY (reading_id, taken) REFERENCES readings_2027 (id, taken)
);
-- A temporary table of a name shadows the permanent one: its foreign key references it.
CREATE TABLE import_batches (id uuid PRIMARY KEY);
CREATE TEMP TABLE import_batches (id integer PRIMARY KEY);
CREATE TEMP TABLE import_rows (batch_id integer REFERENCES import_batches);
