ALTER VIEW IF EXISTS order_counts SET (check_option = local);
