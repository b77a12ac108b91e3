ALTER INDEX rk_customers_email_key RENAME TO rk_clients_email_key;
ALTER TABLE rk_clients RENAME CONSTRAINT rk_customers_email_key TO rk_clients_email_key;
ALTER TABLE rk_clients RENAME CONSTRAINT rk_clients_pk TO rk_clients_pkey;
ALTER INDEX rk_clients_pk RENAME TO rk_clients_pkey;
ALTER TABLE rk_clients_span_excl RENAME TO rk_clients_span_excl2;
ALTER TABLE rk_clients RENAME CONSTRAINT rk_clients_span_excl TO rk_clients_span_excl2;
