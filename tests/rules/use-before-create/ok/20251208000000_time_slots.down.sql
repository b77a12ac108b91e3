DROP AGGREGATE IF EXISTS slot_span(slot);
DROP FUNCTION IF EXISTS slot_widen(slot, slot);
DROP AGGREGATE IF EXISTS slot_list(slot);
DROP TYPE IF EXISTS timerange;
DROP FUNCTION IF EXISTS time_mi(time, time);
DROP TYPE IF EXISTS slot;
