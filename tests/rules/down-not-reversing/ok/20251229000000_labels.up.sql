CREATE TABLE IF NOT EXISTS labels (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS note_labels (
  note_id bigint NOT NULL,
  label_id bigint NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
  CONSTRAINT note_labels_pair_key UNIQUE (note_id, label_id)
);
CREATE INDEX IF NOT EXISTS note_labels_label_idx ON note_labels (label_id);
