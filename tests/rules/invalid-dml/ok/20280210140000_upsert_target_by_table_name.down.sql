DROP TABLE IF EXISTS ut_counters;
