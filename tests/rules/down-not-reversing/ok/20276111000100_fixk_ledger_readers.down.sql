SET ROLE fixk_admin;
REVOKE SELECT ON fixk_ledger FROM fixk_reader;
RESET ROLE;
REVOKE SELECT, INSERT ON fixk_ledger FROM fixk_admin;
