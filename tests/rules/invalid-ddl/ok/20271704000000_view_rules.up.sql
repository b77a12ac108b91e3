CREATE TABLE fixd_items (id bigint PRIMARY KEY, sku text NOT NULL, price numeric(10,2), deleted_at timestamptz);
CREATE VIEW fixd_live AS SELECT id, sku, price FROM fixd_items WHERE deleted_at IS NULL;
CREATE RULE fixd_live_delete AS ON DELETE TO fixd_live
  DO INSTEAD UPDATE fixd_items SET deleted_at = now() WHERE id = OLD.id RETURNING id, sku, price;
CREATE RULE fixd_live_insert AS ON INSERT TO fixd_live
  DO INSTEAD INSERT INTO fixd_items AS i (id, sku, price) VALUES (NEW.id, NEW.sku, NEW.price)
  RETURNING i.id, i.sku, i.price::numeric;
CREATE RULE fixd_live_update AS ON UPDATE TO fixd_live DO INSTEAD (
  UPDATE fixd_items SET sku = NEW.sku WHERE id = OLD.id RETURNING id, sku::text, NULL::numeric;
  UPDATE fixd_items SET price = NEW.price WHERE id = OLD.id
);
-- A star is not counted; a subquery's relation named new is not the rule's NEW.
CREATE RULE fixd_live_purge AS ON DELETE TO fixd_live
  DO ALSO DELETE FROM fixd_items WHERE id IN (SELECT new.id FROM fixd_items new WHERE new.price = 0);
CREATE VIEW fixd_all AS SELECT * FROM fixd_items;
CREATE RULE fixd_all_insert AS ON INSERT TO fixd_all
  DO INSTEAD INSERT INTO fixd_items VALUES (NEW.*) RETURNING *;
