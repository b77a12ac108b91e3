CREATE TABLE IF NOT EXISTS lockers (id bigint PRIMARY KEY, label text NOT NULL);
CREATE OR REPLACE VIEW locker_list AS SELECT * FROM lockers;
-- Added after the view: its * does not take it.
ALTER TABLE lockers ADD COLUMN IF NOT EXISTS size text;
CREATE TABLE IF NOT EXISTS locker_rents (id bigint PRIMARY KEY, locker_id bigint NOT NULL, rented_by text);
ALTER TABLE locker_rents ADD COLUMN IF NOT EXISTS paid boolean;
CREATE OR REPLACE VIEW locker_renters AS
  SELECT l.label, rented_by FROM locker_rents r JOIN lockers l ON l.id = r.locker_id;
