ALTER INDEX rk_clients_span_excl2 RENAME TO rk_clients_span_excl;
ALTER INDEX rk_clients_pkey RENAME TO rk_clients_pk;
ALTER INDEX rk_clients_email_key RENAME TO rk_customers_email_key;
