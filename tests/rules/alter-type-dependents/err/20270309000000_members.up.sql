CREATE TYPE member_tier AS ENUM ('basic', 'gold');
CREATE TABLE IF NOT EXISTS members (id bigint PRIMARY KEY, card_number varchar(20) NOT NULL, handle text NOT NULL, tier varchar(10) NOT NULL, profile jsonb NOT NULL);
CREATE INDEX IF NOT EXISTS members_card_number_like ON members (card_number varchar_pattern_ops);
CREATE INDEX IF NOT EXISTS members_handle_like ON members (handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS members_tier_like ON members (tier pg_catalog.varchar_pattern_ops);
CREATE INDEX IF NOT EXISTS members_profile_paths ON members USING gin (profile jsonb_path_ops);
