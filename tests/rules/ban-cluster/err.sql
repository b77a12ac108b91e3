CLUSTER orders USING orders_placed_idx;
CLUSTER public.orders;
CLUSTER;
