DROP TABLE IF EXISTS ref_uuid, ref_json, ref_element, ref_array, ref_text, ref_float, ref_numeric;
DROP TABLE IF EXISTS keyed;
