CREATE TABLE IF NOT EXISTS rp_order_lines (
    order_id bigint NOT NULL,
    line_no bigint NOT NULL,
    PRIMARY KEY (order_id, line_no)
) PARTITION BY HASH (order_id);
CREATE TABLE IF NOT EXISTS rp_order_lines_p0 PARTITION OF rp_order_lines FOR VALUES WITH (MODULUS 1, REMAINDER 0);
