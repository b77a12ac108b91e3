CREATE TABLE tp_orders (id bigint, d date, PRIMARY KEY (id, d)) PARTITION BY RANGE (d);
CREATE TABLE tp_orders_1 PARTITION OF tp_orders
    FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') PARTITION BY RANGE (d);
CREATE TABLE tp_orders_1a PARTITION OF tp_orders_1
    FOR VALUES FROM ('2020-01-01') TO ('2020-06-01');
CREATE TABLE tp_ship (id bigint, oid bigint, od date, FOREIGN KEY (oid, od) REFERENCES tp_orders);
CREATE TABLE tp_ship2 (id bigint, oid bigint, od date,
    FOREIGN KEY (oid, od) REFERENCES tp_orders_1a);
