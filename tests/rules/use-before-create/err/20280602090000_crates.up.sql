CREATE TABLE IF NOT EXISTS depots (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS crates (id bigint PRIMARY KEY, depot_id bigint, touched_at timestamptz);
ALTER TABLE crates DROP CONSTRAINT IF EXISTS crates_depot_id_fkey;
ALTER TABLE crates ADD CONSTRAINT crates_depot_id_fkey FOREIGN KEY (depot_id) REFERENCES depots (id) NOT VALID;
CREATE OR REPLACE FUNCTION crates_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched_at := now(); RETURN NEW; END $$;
CREATE OR REPLACE TRIGGER crates_touch BEFORE UPDATE ON crates FOR EACH ROW EXECUTE FUNCTION crates_touch();
