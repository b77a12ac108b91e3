CREATE UNLOGGED TABLE import_batch (id bigint PRIMARY KEY);
CREATE UNLOGGED TABLE import_row (id bigint PRIMARY KEY, batch_id bigint REFERENCES import_batch (id));
CREATE TABLE account (id bigint PRIMARY KEY);
CREATE TABLE account_note (account_id bigint REFERENCES account (id));
