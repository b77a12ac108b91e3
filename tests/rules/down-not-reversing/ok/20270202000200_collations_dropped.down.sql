-- as they were, the options in another order and case (VERSION is PostgreSQL's to fill in)
CREATE COLLATION IF NOT EXISTS copy_c FROM "C";
CREATE COLLATION IF NOT EXISTS german (locale = 'de-DE', PROVIDER = ICU);
CREATE COLLATION IF NOT EXISTS ci (deterministic = off, locale = 'und-u-ks-level2', provider = 'icu');
