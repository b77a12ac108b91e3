DROP VIEW anchor_firsts, anchor_sub, anchor_list, floor_anchors, zone_meta, anchor_counts, zone_anchors;
DROP TABLE beacons, beacon_tags, zones;
