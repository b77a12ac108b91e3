-- A text column's default, a plpgsql body (read when it runs), and other labels.
CREATE TABLE IF NOT EXISTS rooms (id bigint PRIMARY KEY, kind event_kind, note text DEFAULT 'whiteboard');
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'whiteboard';
CREATE TABLE IF NOT EXISTS boards (id bigint, kind event_kind DEFAULT 'created', note text DEFAULT 'whiteboard');
ALTER TABLE rooms ALTER COLUMN kind SET DEFAULT 'created';
SELECT id FROM rooms WHERE kind = ANY ('{created,deleted}') AND note = '{whiteboard}x';
CREATE OR REPLACE FUNCTION room_whiteboard() RETURNS event_kind LANGUAGE plpgsql
AS $$ BEGIN RETURN 'whiteboard'::event_kind; END $$;
