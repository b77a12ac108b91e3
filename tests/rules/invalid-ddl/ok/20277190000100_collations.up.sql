CREATE COLLATION IF NOT EXISTS ci_icu (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION IF NOT EXISTS ci_upper (provider = 'ICU', locale = 'und', deterministic = off);
CREATE COLLATION IF NOT EXISTS ci_flag (provider = icu, locale = 'und', deterministic);
CREATE COLLATION IF NOT EXISTS ci_zero (provider = icu, locale = 'und', deterministic = 0);
CREATE COLLATION IF NOT EXISTS ci_libc (provider = libc, locale = 'C', deterministic = true);
CREATE COLLATION IF NOT EXISTS ci_lc (lc_collate = 'C', lc_ctype = 'C', version = '1');
CREATE COLLATION IF NOT EXISTS ci_copy FROM "C";
