SELECT set_config('lock_timeout', '3s', false);
TRUNCATE order_imports;
