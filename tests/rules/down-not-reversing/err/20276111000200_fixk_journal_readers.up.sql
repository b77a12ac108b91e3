GRANT SELECT, INSERT ON fixk_journal TO fixk_admin WITH GRANT OPTION;
SET ROLE fixk_admin;
GRANT SELECT ON fixk_journal TO fixk_reader;
RESET ROLE;
