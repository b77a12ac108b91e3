CREATE TABLE IF NOT EXISTS st_documents (id bigint PRIMARY KEY, body varchar(100000) NOT NULL);
