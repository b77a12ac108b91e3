-- sqlgate:run-once a rename cannot run twice
ALTER TABLE hosts RENAME COLUMN details TO facts;
