CREATE TABLE IF NOT EXISTS cl_accounts (
    id       bigint PRIMARY KEY,
    username text NOT NULL UNIQUE,
    email    text COLLATE "C" NOT NULL UNIQUE,
    code     varchar(32) NOT NULL UNIQUE,
    slug     text COLLATE "C" NOT NULL UNIQUE,
    nick     text NOT NULL
);
CREATE COLLATION IF NOT EXISTS cl_case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
