ALTER VIEW IF EXISTS order_counts RESET (check_option);
