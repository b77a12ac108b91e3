DROP TABLE rk_clients;
