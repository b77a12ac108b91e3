DROP TABLE nv_flips;
DROP TABLE nv_owners;
