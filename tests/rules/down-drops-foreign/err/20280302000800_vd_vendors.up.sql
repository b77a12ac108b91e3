CREATE TABLE IF NOT EXISTS vd_vendors (legacy_id bigint, email text NOT NULL);
