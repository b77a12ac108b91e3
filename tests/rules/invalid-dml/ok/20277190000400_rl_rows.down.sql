-- the rule is gone before the statements that it would refuse
DROP RULE IF EXISTS rl_tags_no_delete ON rl_tags;
DELETE FROM rl_tags WHERE name = 'vip' RETURNING name;
CREATE OR REPLACE RULE rl_tags_no_delete AS ON DELETE TO rl_tags DO INSTEAD NOTHING;
DELETE FROM rl_orders WHERE id = 1;
