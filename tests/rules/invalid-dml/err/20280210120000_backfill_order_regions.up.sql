CREATE TABLE IF NOT EXISTS bo_customers (id bigint PRIMARY KEY, region text);
CREATE TABLE IF NOT EXISTS bo_orders (
    id bigint PRIMARY KEY,
    customer_id bigint REFERENCES bo_customers (id),
    region text
);
-- The target's alias in a JOIN's ON of FROM: invalid reference to FROM-clause entry for table "o"
UPDATE bo_orders o
   SET region = c.region
  FROM bo_orders
  JOIN bo_customers c ON c.id = o.customer_id
 WHERE o.region IS NULL;
DELETE FROM bo_orders o
 USING bo_customers c
  JOIN bo_customers p ON p.id = o.customer_id
 WHERE c.region IS NULL;
