REVOKE INSERT ON fixk_audit FROM fixk_admin;
REVOKE SELECT ON fixk_audit FROM fixk_admin CASCADE;
