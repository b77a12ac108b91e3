ALTER TABLE measurement_note ADD COLUMN body text;
