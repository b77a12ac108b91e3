-- DROP IDENTITY takes the identity's sequence along.
CREATE TABLE IF NOT EXISTS tickets (id bigint NOT NULL, code text);
