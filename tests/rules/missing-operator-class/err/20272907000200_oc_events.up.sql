CREATE DOMAIN oc_label AS text;
CREATE TABLE IF NOT EXISTS oc_events (
    id bigint PRIMARY KEY,
    payload json NOT NULL,
    seq integer NOT NULL,
    code char(5),
    tags text[],
    label oc_label,
    spot point,
    ratio real
);
-- Operator classes written that do not take the column's type.
CREATE INDEX IF NOT EXISTS oc_events_payload ON oc_events USING gin (payload jsonb_path_ops);
CREATE INDEX IF NOT EXISTS oc_events_payload_ops ON oc_events USING gin (payload jsonb_ops);
CREATE INDEX IF NOT EXISTS oc_events_seq_pattern ON oc_events (seq text_pattern_ops);
CREATE INDEX IF NOT EXISTS oc_events_id ON oc_events (id int4_ops);
CREATE INDEX IF NOT EXISTS oc_events_code ON oc_events (code text_ops);
CREATE INDEX IF NOT EXISTS oc_events_tags ON oc_events (tags text_ops);
CREATE INDEX IF NOT EXISTS oc_events_seq_trgm ON oc_events USING gin (seq gin_trgm_ops);
CREATE INDEX IF NOT EXISTS oc_events_label ON oc_events (label int4_ops);
CREATE INDEX IF NOT EXISTS oc_events_ratio ON oc_events (ratio pg_catalog.float8_ops);
CREATE INDEX IF NOT EXISTS oc_events_seq_brin ON oc_events USING brin (seq int8_minmax_ops);
CREATE INDEX IF NOT EXISTS oc_events_spot ON oc_events USING spgist (spot box_ops);
