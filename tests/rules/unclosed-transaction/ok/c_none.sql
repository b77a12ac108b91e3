-- No transaction control at all: the runner wraps the file.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
