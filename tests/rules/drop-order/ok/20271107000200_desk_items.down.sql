DROP TABLE IF EXISTS desk_items;
DROP DOMAIN IF EXISTS desk_points;
DROP TYPE IF EXISTS desk_item_state;
