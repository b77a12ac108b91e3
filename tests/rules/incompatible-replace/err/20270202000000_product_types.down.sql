-- Back to the types of the views the up could not replace: the down is refused the same way.
CREATE OR REPLACE VIEW product_qty AS SELECT id, qty FROM products;
