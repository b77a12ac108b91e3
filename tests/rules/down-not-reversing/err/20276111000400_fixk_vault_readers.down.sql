REVOKE INSERT ON fixk_vault FROM fixk_admin;
