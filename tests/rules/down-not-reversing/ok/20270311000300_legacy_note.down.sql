DROP TABLE measurement_note;
