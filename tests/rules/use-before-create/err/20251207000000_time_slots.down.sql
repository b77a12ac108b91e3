DROP OPERATOR IF EXISTS <-> (slot, slot);
DROP CAST IF EXISTS (slot AS text);
DROP AGGREGATE IF EXISTS slot_span(slot);
DROP TYPE IF EXISTS timerange;
DROP FUNCTION IF EXISTS slot_gap(slot, slot);
DROP FUNCTION IF EXISTS slot_text(slot);
DROP FUNCTION IF EXISTS slot_widen(slot, slot);
DROP FUNCTION IF EXISTS time_mi(time, time);
DROP TYPE IF EXISTS slot;
