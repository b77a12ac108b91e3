CREATE TABLE IF NOT EXISTS skus (
    id     bigint PRIMARY KEY,
    code   text NOT NULL UNIQUE,
    handle text NOT NULL UNIQUE,
    label  varchar(32) NOT NULL UNIQUE,
    tag    text COLLATE "C" NOT NULL UNIQUE,
    note   varchar(32) COLLATE "C" UNIQUE
);
CREATE COLLATION IF NOT EXISTS case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
