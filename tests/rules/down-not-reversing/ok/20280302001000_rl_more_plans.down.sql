-- the rule dropped first, made again after
DROP RULE IF EXISTS rl_plans_soft_delete ON rl_plans;
DELETE FROM rl_plans WHERE code = 'team';
CREATE OR REPLACE RULE rl_plans_soft_delete AS ON DELETE TO rl_plans
    DO INSTEAD UPDATE rl_plans SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL;
