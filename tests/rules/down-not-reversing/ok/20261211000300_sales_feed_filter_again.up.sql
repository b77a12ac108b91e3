-- the row filter written otherwise: the down puts back the one it had (compared by its terms)
ALTER PUBLICATION sales_feed SET TABLE feed_customers (region, id) WHERE (region IN ('eu', 'uk')),
  feed_refunds, feed_invoices;
