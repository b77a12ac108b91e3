DROP SEQUENCE IF EXISTS step_zero_seq, cache_zero_seq, step_seq;
