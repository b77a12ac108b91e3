ALTER INDEX rk_customers_email_key RENAME TO rk_clients_email_key;
ALTER TABLE rk_clients RENAME CONSTRAINT rk_clients_email_key TO rk_accounts_email_key;
