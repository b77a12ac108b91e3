CREATE TABLE IF NOT EXISTS products (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED
);
