DROP TABLE IF EXISTS fk_notes2, fk_notes, fk_cache2, fk_cache, public.fk_tenants, fk_stats;
