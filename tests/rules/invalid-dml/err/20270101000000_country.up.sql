CREATE TABLE country (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL,
    name text,
    label text GENERATED ALWAYS AS (upper(code)) STORED
);
CREATE TABLE ticket (id serial PRIMARY KEY, title text, old_note text);
