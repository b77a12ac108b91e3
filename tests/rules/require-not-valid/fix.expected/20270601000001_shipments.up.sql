CREATE TABLE IF NOT EXISTS carriers (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS depots (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS shipments (
    id bigint NOT NULL,
    shipped_on date NOT NULL,
    carrier_id bigint,
    PRIMARY KEY (id, shipped_on)
) PARTITION BY RANGE (shipped_on);
