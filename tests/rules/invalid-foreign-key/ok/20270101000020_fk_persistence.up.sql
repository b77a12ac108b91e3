CREATE UNLOGGED TABLE IF NOT EXISTS fk_stats (tenant_id bigint PRIMARY KEY, events bigint);
CREATE TABLE IF NOT EXISTS fk_tenants (id bigint PRIMARY KEY);
-- An unlogged table may reference a permanent or an unlogged one.
CREATE UNLOGGED TABLE IF NOT EXISTS fk_cache (tenant_id bigint REFERENCES fk_tenants);
CREATE UNLOGGED TABLE IF NOT EXISTS fk_cache2 (tenant_id bigint REFERENCES fk_stats);
-- A table made logged first.
ALTER TABLE fk_stats SET LOGGED;
CREATE TABLE IF NOT EXISTS fk_notes (tenant_id bigint REFERENCES fk_stats (tenant_id), note text);
-- A temporary table referencing a temporary one, which shadows a permanent one of its name.
CREATE TEMP TABLE fk_tenants (id bigint PRIMARY KEY);
CREATE TEMP TABLE fk_scratch (tenant_id bigint REFERENCES fk_tenants);
CREATE TABLE IF NOT EXISTS fk_notes2 (tenant_id bigint REFERENCES public.fk_tenants);
