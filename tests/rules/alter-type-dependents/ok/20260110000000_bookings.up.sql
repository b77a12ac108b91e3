CREATE TABLE IF NOT EXISTS desks (id bigint PRIMARY KEY, label text NOT NULL, area integer);
CREATE OR REPLACE VIEW open_desks AS SELECT * FROM desks WHERE area > 0;
CREATE TABLE IF NOT EXISTS rooms (id bigint PRIMARY KEY, name text NOT NULL, floor integer);
CREATE TABLE IF NOT EXISTS bookings (
  id bigint PRIMARY KEY,
  room_id bigint NOT NULL REFERENCES rooms (id),
  starts_at timestamptz NOT NULL,
  note text
);
CREATE OR REPLACE VIEW room_bookings AS
  SELECT b.id, r.name AS room, starts_at FROM bookings b JOIN rooms r ON r.id = b.room_id;
CREATE TABLE IF NOT EXISTS zones (zone_no integer PRIMARY KEY, title text);
CREATE TABLE IF NOT EXISTS seats (id bigint PRIMARY KEY, zone_no integer NOT NULL, color text);
CREATE OR REPLACE VIEW seat_zones AS SELECT s.id, title FROM seats s JOIN zones USING (zone_no);
CREATE TABLE IF NOT EXISTS parts (part_no integer PRIMARY KEY, weight integer, color text);
CREATE TABLE IF NOT EXISTS stock (part_no integer NOT NULL, qty integer NOT NULL);
CREATE MATERIALIZED VIEW IF NOT EXISTS part_stock AS SELECT qty FROM parts NATURAL JOIN stock;
