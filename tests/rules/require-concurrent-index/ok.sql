-- A table created earlier in the same migration is new: nobody else uses it yet.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, customer_id bigint, total numeric);
CREATE INDEX IF NOT EXISTS invoices_customer_idx ON invoices (customer_id);

-- ... also when created under another name and renamed, or created with CREATE TABLE AS.
CREATE TABLE staging_lines (id bigint, invoice_id bigint);
ALTER TABLE staging_lines RENAME TO invoice_lines;
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (invoice_id);
CREATE TABLE invoice_totals AS SELECT invoice_id, count(*) AS n FROM invoice_lines GROUP BY 1;
CREATE INDEX invoice_totals_idx ON public.invoice_totals (invoice_id);

-- The concurrent form.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_idx ON orders (placed_at);

-- ON ONLY a partitioned table builds nothing (the partitions' indexes are attached later).
CREATE INDEX measurements_time_idx ON ONLY measurements (recorded_at);

-- A temporary table belongs to this session.
CREATE TEMPORARY TABLE scratch (id bigint);
CREATE INDEX scratch_idx ON scratch (id);

-- A view (here the one left with a renamed table's old name): PostgreSQL refuses an index on it
-- ("cannot create index on relation "posts""), which invalid-ddl reports.
CREATE OR REPLACE VIEW posts AS SELECT * FROM articles;
CREATE INDEX IF NOT EXISTS posts_title_idx ON posts (title);
