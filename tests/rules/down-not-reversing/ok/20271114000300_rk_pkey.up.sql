ALTER TABLE rk_clients RENAME CONSTRAINT rk_clients_pk TO rk_clients_pkey;
