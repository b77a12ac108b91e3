-- A file that commits the value before it uses it.
BEGIN;
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'purged';
COMMIT;
BEGIN;
UPDATE events SET kind = 'purged' WHERE id < 0;
COMMIT;
