ALTER INDEX rk_customers_email_key RENAME TO rk_clients_email_key;
