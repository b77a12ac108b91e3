CREATE COLLATION IF NOT EXISTS ci_case_insensitive
    (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
ALTER TABLE ci_members ALTER COLUMN username TYPE text COLLATE ci_case_insensitive;
