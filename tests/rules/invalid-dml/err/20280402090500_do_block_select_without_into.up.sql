CREATE TABLE IF NOT EXISTS nd_orders (id bigint PRIMARY KEY, items_count integer);
DO $$
DECLARE
    batch_rows integer;
    missing bigint;
BEGIN
    LOOP
        UPDATE nd_orders SET items_count = 0
         WHERE id IN (SELECT id FROM nd_orders WHERE items_count IS NULL ORDER BY id LIMIT 5000);
        GET DIAGNOSTICS batch_rows = ROW_COUNT;
        EXIT WHEN batch_rows = 0;
    END LOOP;
    -- kept in a variable, run for its effects, looped over: fine
    SELECT count(*) INTO missing FROM nd_orders WHERE items_count IS NULL;
    PERFORM pg_advisory_xact_lock(42);
    FOR batch_rows IN SELECT id FROM nd_orders LOOP
        NULL;
    END LOOP;
    EXECUTE 'SELECT 1';
    -- query has no destination for result data
    SELECT count(*) FROM nd_orders WHERE items_count IS NULL;
END
$$;
DO $$
BEGIN
    WITH missing AS (SELECT id FROM nd_orders WHERE items_count IS NULL) SELECT count(*) FROM missing;
END
$$;
DO $$
BEGIN
    INSERT INTO nd_orders (id, items_count) VALUES (0, 0) ON CONFLICT (id) DO NOTHING RETURNING id;
END
$$;
-- under IF: not judged
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM nd_orders WHERE items_count IS NULL) THEN
        SELECT 1;
    END IF;
END
$$;
ALTER TABLE nd_orders ALTER COLUMN items_count SET DEFAULT 0;
