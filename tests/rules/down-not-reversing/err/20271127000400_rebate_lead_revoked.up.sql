-- also revokes what rebate_lead granted through its option, and what that was granted on
REVOKE SELECT ON rebates FROM rebate_lead CASCADE;
