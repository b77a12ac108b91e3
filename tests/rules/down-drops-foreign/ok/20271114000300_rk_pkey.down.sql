ALTER INDEX rk_clients_pkey RENAME TO rk_clients_pk;
