-- the rule is made again without rl_orders first
CREATE OR REPLACE RULE rl_customers_soft_delete AS ON DELETE TO rl_customers
    DO INSTEAD UPDATE rl_customers SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL;
ALTER TABLE rl_orders DROP COLUMN IF EXISTS deleted_at;
