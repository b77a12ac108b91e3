-- The default goes before the type change: it no longer names the enum. A domain's default
-- loses its implicit coercion with the type change.
ALTER TABLE desk_items ALTER COLUMN state DROP DEFAULT;
ALTER TABLE desk_items ALTER COLUMN state TYPE text USING state::text;
ALTER TABLE desk_items ALTER COLUMN state SET DEFAULT 'open';
ALTER TABLE desk_items ALTER COLUMN points TYPE integer;
DROP DOMAIN IF EXISTS desk_points;
DROP TYPE IF EXISTS desk_item_state;
COMMENT ON TABLE desk_items IS NULL;
