DROP TABLE IF EXISTS fk_notes5, fk_snapshot, fk_notes4, fk_cache, fk_notes3, fk_later, fk_notes2, fk_notes, fk_tenants, fk_stats;
