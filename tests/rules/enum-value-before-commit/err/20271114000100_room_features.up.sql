-- Every constant PostgreSQL reads as a value of the enum when it parses the statement fails:
-- a default, a CHECK, an index expression, an array literal, a function's or domain's default.
CREATE TABLE IF NOT EXISTS rooms (id bigint PRIMARY KEY, feature event_kind, features event_kind[] NOT NULL DEFAULT '{}');
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'whiteboard';
ALTER TABLE rooms ALTER COLUMN features SET DEFAULT ARRAY['whiteboard']::event_kind[];
ALTER TABLE rooms ALTER COLUMN features SET DEFAULT '{created,"whiteboard"}';
ALTER TABLE rooms ADD COLUMN IF NOT EXISTS main_feature event_kind DEFAULT 'whiteboard';
CREATE TABLE IF NOT EXISTS boards (id bigint, kind event_kind CHECK (kind <> 'whiteboard'));
CREATE TABLE IF NOT EXISTS walls (id bigint, kinds event_kind[], CHECK (kinds <> '{whiteboard}'));
CREATE INDEX IF NOT EXISTS rooms_whiteboard_idx ON rooms ((features @> '{whiteboard}'));
CREATE OR REPLACE FUNCTION room_has(wanted event_kind DEFAULT 'whiteboard') RETURNS bigint
LANGUAGE sql AS 'SELECT count(*) FROM rooms';
CREATE DOMAIN board_kind AS event_kind CHECK (VALUE <> 'whiteboard');
SELECT id FROM rooms WHERE feature = ANY ('{whiteboard}');
