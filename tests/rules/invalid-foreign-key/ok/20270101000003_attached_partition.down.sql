DROP TABLE reading_notes;
DROP TABLE readings;
