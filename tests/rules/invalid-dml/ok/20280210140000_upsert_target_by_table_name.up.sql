CREATE TABLE IF NOT EXISTS ut_counters (id bigint PRIMARY KEY, hits integer NOT NULL DEFAULT 0);
-- The alias, EXCLUDED, or the table's name when the alias is that name
INSERT INTO ut_counters AS c VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET hits = c.hits + excluded.hits WHERE c.hits < 10 RETURNING c.id;
INSERT INTO ut_counters AS ut_counters VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET hits = ut_counters.hits + 1;
-- A subquery's own ut_counters
INSERT INTO ut_counters AS c VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET hits = (SELECT max(ut_counters.hits) FROM ut_counters);
