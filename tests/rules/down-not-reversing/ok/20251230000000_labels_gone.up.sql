DROP TABLE IF EXISTS note_labels;
