CREATE TABLE fixd_items (id bigint PRIMARY KEY, sku text NOT NULL, price numeric(10,2), deleted_at timestamptz);
CREATE VIEW fixd_live AS SELECT id, sku, price FROM fixd_items WHERE deleted_at IS NULL;
-- NEW in an ON DELETE rule, OLD in an ON INSERT rule, in an action or the WHERE clause
CREATE RULE fixd_live_delete AS ON DELETE TO fixd_live
  DO INSTEAD UPDATE fixd_items SET deleted_at = now() WHERE id = NEW.id;
CREATE RULE fixd_live_touch AS ON INSERT TO fixd_live
  DO ALSO UPDATE fixd_items SET deleted_at = NULL WHERE id IN (SELECT OLD.id);
CREATE RULE fixd_live_guard AS ON DELETE TO fixd_live WHERE NEW.id < 0 DO INSTEAD NOTHING;
-- RETURNING lists
CREATE RULE fixd_live_insert AS ON INSERT TO fixd_live
  DO INSTEAD INSERT INTO fixd_items (id, sku, price) VALUES (NEW.id, NEW.sku, NEW.price)
  RETURNING id, price, sku;
CREATE RULE fixd_live_insert2 AS ON INSERT TO fixd_live
  DO INSTEAD INSERT INTO fixd_items (id, sku, price) VALUES (NEW.id, NEW.sku, NEW.price)
  RETURNING id, sku;
CREATE RULE fixd_live_insert3 AS ON INSERT TO fixd_live
  DO INSTEAD INSERT INTO fixd_items AS i (id, sku, price) VALUES (NEW.id, NEW.sku, NEW.price)
  RETURNING i.id::int, i.sku, i.price;
CREATE RULE fixd_live_insert4 AS ON INSERT TO fixd_live
  DO INSTEAD INSERT INTO fixd_items (id, sku, price) VALUES (NEW.id, NEW.sku, NEW.price)
  RETURNING id, sku, price::numeric(12,2);
CREATE RULE fixd_live_update AS ON UPDATE TO fixd_live
  DO ALSO UPDATE fixd_items SET sku = NEW.sku WHERE id = OLD.id RETURNING id, sku, price;
CREATE RULE fixd_live_update2 AS ON UPDATE TO fixd_live WHERE OLD.sku <> NEW.sku
  DO INSTEAD UPDATE fixd_items SET sku = NEW.sku WHERE id = OLD.id RETURNING id, sku, price;
CREATE RULE fixd_live_update3 AS ON UPDATE TO fixd_live DO INSTEAD (
  UPDATE fixd_items SET sku = NEW.sku WHERE id = OLD.id RETURNING id, sku, price;
  UPDATE fixd_items SET price = NEW.price WHERE id = OLD.id RETURNING id, sku, price
);
CREATE RULE fixd_live_delete2 AS ON DELETE TO fixd_live
  DO INSTEAD DELETE FROM fixd_items WHERE id = OLD.id RETURNING id, sku, price, deleted_at;
