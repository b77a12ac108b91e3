ALTER TABLE rk_clients ADD CONSTRAINT rk_clients_span_excl EXCLUDE USING gist (span WITH &&);
ALTER INDEX rk_clients_pk2 RENAME TO rk_clients_pk;
ALTER TABLE rk_clients RENAME CONSTRAINT rk_accounts_email_key TO rk_customers_email_key;
