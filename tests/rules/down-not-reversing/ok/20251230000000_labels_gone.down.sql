-- Made again as pg_dump writes it: constraints apart, the same definitions.
CREATE TABLE IF NOT EXISTS note_labels (note_id bigint NOT NULL, label_id bigint NOT NULL);
ALTER TABLE note_labels ADD CONSTRAINT note_labels_pair_key UNIQUE (note_id, label_id);
ALTER TABLE note_labels ADD CONSTRAINT note_labels_label_id_fkey FOREIGN KEY (label_id)
  REFERENCES public.labels (id) ON DELETE CASCADE;
CREATE INDEX IF NOT EXISTS note_labels_label_idx ON note_labels USING btree (label_id);
