DROP VIEW IF EXISTS order_counts, distinct_orders, sampled_orders, order_doubles, sub_orders, ranked_orders, big_orders, latest_orders, all_ids, order_count, order_customers, order_totals, customer_orders_2, customer_orders;
DROP TABLE IF EXISTS shop_orders, shop_customers;
