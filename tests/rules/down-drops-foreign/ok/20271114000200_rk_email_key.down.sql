-- The constraint was renamed with its index: renaming it back renames the index back.
ALTER TABLE rk_clients RENAME CONSTRAINT rk_clients_email_key TO rk_customers_email_key;
