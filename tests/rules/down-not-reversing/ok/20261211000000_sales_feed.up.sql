CREATE TABLE IF NOT EXISTS feed_customers (id bigint PRIMARY KEY, region text NOT NULL);
CREATE TABLE IF NOT EXISTS feed_orders (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS feed_refunds (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS feed_invoices (id bigint PRIMARY KEY);
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'sales_feed') THEN
    CREATE PUBLICATION sales_feed FOR TABLE feed_customers, feed_orders
      WITH (publish = 'insert, update, delete');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_publication_tables
                 WHERE pubname = 'sales_feed' AND tablename = 'feed_refunds') THEN
    ALTER PUBLICATION sales_feed ADD TABLE feed_refunds;
  END IF;
END $$;
