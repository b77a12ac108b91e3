CREATE TABLE IF NOT EXISTS bo_customers (id bigint PRIMARY KEY, region text);
CREATE TABLE IF NOT EXISTS bo_orders (
    id bigint PRIMARY KEY,
    customer_id bigint REFERENCES bo_customers (id),
    region text
);
-- The condition on the target in WHERE, where FROM's rows and the target's meet.
UPDATE bo_orders o
   SET region = c.region
  FROM bo_customers c
 WHERE c.id = o.customer_id AND o.region IS NULL;
-- A JOIN's ON that names the FROM's own copy of the table, not the target's alias.
UPDATE bo_orders o
   SET region = c.region
  FROM bo_orders
  JOIN bo_customers c ON c.id = bo_orders.customer_id
 WHERE o.id = bo_orders.id;
-- A subquery of WHERE sees the target; one of FROM that names its own o means that one.
UPDATE bo_orders o
   SET region = s.region
  FROM (SELECT o.id, c.region FROM bo_orders o JOIN bo_customers c ON c.id = o.customer_id) s
 WHERE s.id = o.id
   AND EXISTS (SELECT 1 FROM bo_customers c JOIN bo_customers p ON p.id = o.customer_id);
