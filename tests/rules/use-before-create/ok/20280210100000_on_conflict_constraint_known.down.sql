DROP TABLE IF EXISTS ocn_regions;
