CREATE TABLE IF NOT EXISTS squads (id bigint PRIMARY KEY, slug text NOT NULL, code text);
CREATE UNIQUE INDEX IF NOT EXISTS squads_slug_uidx ON squads (slug);
CREATE UNIQUE INDEX IF NOT EXISTS squads_code_uidx ON squads (code) WHERE code IS NOT NULL;
CREATE TABLE IF NOT EXISTS squad_members (
    squad_id bigint REFERENCES squads,
    squad_slug text REFERENCES squads (slug)
);
