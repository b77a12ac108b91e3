-- sqlgate:run-once a rename cannot run twice
ALTER TABLE hosts RENAME COLUMN facts TO details;
