GRANT SELECT, INSERT ON fixk_audit TO fixk_admin WITH GRANT OPTION;
SET ROLE fixk_admin;
GRANT SELECT ON fixk_audit TO fixk_reader;
RESET ROLE;
