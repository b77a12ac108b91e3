REVOKE SELECT ON fixk_journal FROM fixk_reader;
REVOKE SELECT, INSERT ON fixk_journal FROM fixk_admin;
