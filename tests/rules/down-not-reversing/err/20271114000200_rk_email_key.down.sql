ALTER TABLE rk_clients RENAME CONSTRAINT rk_accounts_email_key TO rk_clients_email_key;
