DROP TABLE account_note;
DROP TABLE account;
DROP TABLE import_row;
DROP TABLE import_batch;
