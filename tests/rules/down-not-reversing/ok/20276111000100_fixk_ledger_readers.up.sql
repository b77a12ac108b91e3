GRANT SELECT, INSERT ON fixk_ledger TO fixk_admin WITH GRANT OPTION;
SET ROLE fixk_admin;
GRANT SELECT ON fixk_ledger TO fixk_reader;
RESET ROLE;
