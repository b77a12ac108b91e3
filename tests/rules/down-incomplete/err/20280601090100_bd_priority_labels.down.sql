DROP FUNCTION IF EXISTS bd_priority_label;
