-- Each rename renames its partner: the next statement uses the partner by its new name.
ALTER INDEX rk_customers_email_key RENAME TO rk_clients_email_key;
ALTER TABLE rk_clients RENAME CONSTRAINT rk_clients_email_key TO rk_accounts_email_key;
ALTER TABLE rk_clients RENAME CONSTRAINT rk_clients_pk TO rk_clients_pkey;
ALTER INDEX rk_clients_pkey RENAME TO rk_clients_pk2;
ALTER TABLE rk_clients_span_excl RENAME TO rk_clients_span_excl2;
ALTER TABLE rk_clients DROP CONSTRAINT rk_clients_span_excl2;
