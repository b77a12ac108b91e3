DROP TABLE swap_builds;
