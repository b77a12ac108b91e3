REVOKE SELECT, INSERT ON fixk_journal FROM fixk_admin CASCADE;
