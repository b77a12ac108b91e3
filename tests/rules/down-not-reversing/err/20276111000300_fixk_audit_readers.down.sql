REVOKE SELECT ON fixk_audit FROM fixk_reader;
