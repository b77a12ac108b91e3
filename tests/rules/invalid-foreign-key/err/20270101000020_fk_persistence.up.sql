CREATE UNLOGGED TABLE IF NOT EXISTS fk_stats (tenant_id bigint PRIMARY KEY, events bigint);
CREATE TABLE IF NOT EXISTS fk_tenants (id bigint PRIMARY KEY);
-- A permanent table references only permanent tables.
CREATE TABLE IF NOT EXISTS fk_notes (tenant_id bigint REFERENCES fk_stats (tenant_id), note text);
CREATE TABLE IF NOT EXISTS fk_notes2 (tenant_id bigint, FOREIGN KEY (tenant_id) REFERENCES fk_stats);
ALTER TABLE fk_tenants ADD COLUMN stats_id bigint REFERENCES fk_stats;
ALTER TABLE fk_tenants ADD CONSTRAINT fk_tenants_stats_fk FOREIGN KEY (id) REFERENCES fk_stats NOT VALID;
-- A table made unlogged since.
CREATE TABLE IF NOT EXISTS fk_later (id bigint PRIMARY KEY);
ALTER TABLE fk_later SET UNLOGGED;
CREATE TABLE IF NOT EXISTS fk_notes3 (later_id bigint REFERENCES fk_later);
-- A temporary table references only temporary tables, an unlogged one no temporary one.
CREATE TEMP TABLE fk_scratch (tenant_id bigint REFERENCES fk_tenants);
CREATE TEMP TABLE fk_temp_keys (id bigint PRIMARY KEY);
CREATE UNLOGGED TABLE IF NOT EXISTS fk_cache (id bigint REFERENCES fk_temp_keys);
CREATE TABLE IF NOT EXISTS fk_notes4 (id bigint REFERENCES fk_temp_keys);
-- An unlogged table made by CREATE TABLE ... AS.
CREATE UNLOGGED TABLE IF NOT EXISTS fk_snapshot AS SELECT id FROM fk_tenants;
ALTER TABLE fk_snapshot ADD PRIMARY KEY (id);
CREATE TABLE IF NOT EXISTS fk_notes5 (snapshot_id bigint REFERENCES fk_snapshot);
