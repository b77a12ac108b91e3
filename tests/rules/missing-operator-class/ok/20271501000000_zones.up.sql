CREATE TABLE zones (floor_id int NOT NULL, anchor point NOT NULL, meta json, body jsonb, anchors point[]);
-- GiST has an operator class for point.
CREATE TABLE beacon_tags (tags text[] PRIMARY KEY);
CREATE TABLE beacons (id int PRIMARY KEY, position point, EXCLUDE USING gist (position WITH ~=), UNIQUE (id, body), body jsonb);
-- An array of a type with comparison and hashing.
CREATE INDEX zones_tags ON beacon_tags (tags);
CREATE INDEX zones_tags_hash ON beacon_tags USING hash (tags);
-- UNION ALL compares nothing; a cast or another column is what DISTINCT and GROUP BY compare.
CREATE VIEW zone_anchors AS SELECT floor_id, anchor FROM zones UNION ALL SELECT id, position FROM beacons;
CREATE VIEW anchor_counts AS SELECT anchor::text AS anchor, count(*) AS n FROM zones GROUP BY anchor::text;
CREATE VIEW zone_meta AS SELECT DISTINCT floor_id, body FROM zones;
CREATE VIEW floor_anchors AS SELECT floor_id, min(anchor[0]) FROM zones GROUP BY floor_id;
-- A column of a WITH query or a subquery is not typed.
CREATE VIEW anchor_list AS WITH a AS (SELECT anchor::text AS anchor FROM zones) SELECT DISTINCT anchor FROM a;
CREATE VIEW anchor_sub AS SELECT DISTINCT anchor FROM (SELECT anchor::text AS anchor FROM zones) s;
-- DISTINCT ON (name) is the output column of that name first: here text.
CREATE VIEW anchor_firsts AS SELECT DISTINCT ON (anchor) anchor::text AS anchor, floor_id FROM zones;
