CREATE TABLE IF NOT EXISTS skus (
    id    bigint PRIMARY KEY,
    code  text NOT NULL UNIQUE,
    label varchar(32) NOT NULL UNIQUE,
    tag   text COLLATE "C" NOT NULL UNIQUE
);
