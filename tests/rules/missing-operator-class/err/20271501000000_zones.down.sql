DROP VIEW anchor_texts, anchor_pins, shared_anchors, zone_meta, anchor_counts, zone_anchors;
DROP MATERIALIZED VIEW all_anchors;
DROP TABLE beacon_tags, beacons, zones, floors;
DROP DOMAIN anchor_point;
