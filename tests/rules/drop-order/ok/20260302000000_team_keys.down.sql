-- No foreign key uses the partial index; the others go after the foreign keys.
DROP INDEX IF EXISTS squads_code_uidx;
DROP TABLE IF EXISTS squad_members;
DROP INDEX IF EXISTS squads_slug_uidx;
DROP TABLE IF EXISTS squads;
