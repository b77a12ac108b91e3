CREATE TABLE IF NOT EXISTS ut_counters (id bigint PRIMARY KEY, hits integer NOT NULL DEFAULT 0);
-- The alias c hides the name ut_counters: invalid reference to FROM-clause entry for table
-- "ut_counters" (HINT: Perhaps you meant to reference the table alias "c"), in DO UPDATE's SET
INSERT INTO ut_counters AS c VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET hits = ut_counters.hits + 1;
-- in DO UPDATE's WHERE
INSERT INTO ut_counters AS c VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET hits = c.hits + 1 WHERE ut_counters.hits < 10;
-- in the index predicate of ON CONFLICT
INSERT INTO ut_counters AS c VALUES (1, 1) ON CONFLICT (id) WHERE ut_counters.hits > 0 DO NOTHING;
-- in RETURNING, with ON CONFLICT or without
INSERT INTO ut_counters AS c VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET hits = c.hits + 1 RETURNING ut_counters.hits;
INSERT INTO ut_counters AS c VALUES (2, 1) RETURNING ut_counters.id;
