-- the DO INSTEAD rule has RETURNING; a DO ALSO rule keeps the DELETE
WITH gone AS (DELETE FROM rl_orders WHERE deleted_at < now() - interval '1 year' RETURNING id)
SELECT count(*) FROM gone;
DELETE FROM rl_order_events WHERE kind = 'test' RETURNING order_id;
-- one unconditional DO INSTEAD rule with one action is allowed in WITH
WITH gone AS (DELETE FROM rl_orders WHERE number = 'test') SELECT 1;
-- no ON INSERT rule with actions and no ON UPDATE rule: ON CONFLICT is allowed
INSERT INTO rl_tags (name) VALUES ('vip') ON CONFLICT (name) DO NOTHING;
-- the ON INSERT rule is turned off for the run
ALTER TABLE rl_orders DISABLE RULE rl_orders_created;
INSERT INTO rl_orders (id, number) VALUES (1, 'A-1') ON CONFLICT (id) DO NOTHING;
ALTER TABLE rl_orders ENABLE RULE rl_orders_created;
