CREATE COLLATION IF NOT EXISTS mo_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
