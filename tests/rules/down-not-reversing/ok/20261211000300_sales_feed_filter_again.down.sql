ALTER PUBLICATION sales_feed SET TABLE feed_customers (id, region) WHERE ((region)::text = 'eu'::text),
  feed_refunds, feed_invoices;
