CREATE COLLATION IF NOT EXISTS ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION IF NOT EXISTS german (provider = icu, locale = 'de-DE');
CREATE COLLATION IF NOT EXISTS copy_c FROM "C";
