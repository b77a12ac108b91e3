CREATE COLLATION IF NOT EXISTS copy_c FROM "POSIX";
CREATE COLLATION IF NOT EXISTS german (locale = 'de-DE', PROVIDER = ICU);
CREATE COLLATION IF NOT EXISTS ci (provider = icu, locale = 'und-u-ks-level2');
