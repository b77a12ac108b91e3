DROP TABLE import_batches;
DROP TABLE reading_notes;
DROP TABLE readings;
