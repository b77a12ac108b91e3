CREATE DOMAIN anchor_point AS point;
CREATE TABLE floors (id int PRIMARY KEY);
CREATE TABLE zones (floor_id int NOT NULL, anchor point NOT NULL, meta json, shape polygon, pin anchor_point, anchors point[]);
-- PRIMARY KEY and UNIQUE build a B-tree index: point and json have no B-tree operator class.
CREATE TABLE beacons (id int, position point PRIMARY KEY);
CREATE TABLE beacon_tags (id int PRIMARY KEY, tag json, CONSTRAINT beacon_tags_tag_key UNIQUE (id, tag));
ALTER TABLE zones ADD CONSTRAINT zones_shape_key UNIQUE (shape);
ALTER TABLE zones ADD COLUMN label_at box UNIQUE;
-- EXCLUDE is B-tree unless it says otherwise.
ALTER TABLE zones ADD CONSTRAINT zones_pin_excl EXCLUDE (pin WITH =);
-- DISTINCT, DISTINCT ON, GROUP BY, UNION, INTERSECT and EXCEPT compare with equality.
CREATE VIEW zone_anchors AS SELECT DISTINCT floor_id, anchor FROM zones;
CREATE VIEW anchor_counts AS SELECT z.anchor, count(*) AS n FROM zones AS z GROUP BY z.anchor;
CREATE VIEW zone_meta AS SELECT DISTINCT ON (meta) floor_id FROM zones;
CREATE MATERIALIZED VIEW all_anchors AS SELECT anchor FROM zones UNION SELECT point(0, 0);
CREATE VIEW shared_anchors AS SELECT floor_id, anchors FROM zones INTERSECT ALL SELECT 1, NULL::point[];
CREATE VIEW anchor_pins AS SELECT pin FROM zones JOIN floors ON floors.id = zones.floor_id EXCEPT SELECT NULL;
-- GROUP BY (name) is the input column first: the point, not the text.
CREATE VIEW anchor_texts AS SELECT anchor::text AS anchor FROM zones GROUP BY anchor;
-- An array of such a type is accepted, but its values cannot be compared or hashed: a B-tree
-- index fails from the second row on, a hash one from the first.
ALTER TABLE zones ADD CONSTRAINT zones_anchors_key UNIQUE (anchors);
CREATE INDEX zones_anchor_list ON zones (anchors);
ALTER TABLE beacon_tags ADD COLUMN metas json[];
CREATE INDEX beacon_tags_metas ON beacon_tags USING hash (metas);
