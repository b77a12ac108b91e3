REVOKE SELECT, INSERT ON fixk_ledger FROM fixk_admin;
