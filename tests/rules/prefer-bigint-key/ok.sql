CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, age integer, rank smallint);
CREATE TABLE IF NOT EXISTS tags (id bigserial, label text);
CREATE TABLE IF NOT EXISTS events (id bigint GENERATED ALWAYS AS IDENTITY, code text PRIMARY KEY);
-- A foreign key column follows the key it references.
CREATE TABLE IF NOT EXISTS user_roles (user_id integer REFERENCES legacy_users (id), role text);
