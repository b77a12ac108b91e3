CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE DOMAIN oc_label AS text;
CREATE TABLE IF NOT EXISTS oc_events (
    id bigserial PRIMARY KEY,
    payload jsonb NOT NULL,
    handle varchar(40),
    body text,
    tags text[],
    span tstzrange,
    network cidr,
    flags bit(3),
    label oc_label,
    spot point,
    seq serial
);
-- Each class takes the column's type, a binary-coercible one, or (anyarray, anyrange) any.
CREATE INDEX IF NOT EXISTS oc_events_payload ON oc_events USING gin (payload jsonb_path_ops);
CREATE INDEX IF NOT EXISTS oc_events_body ON oc_events (body bpchar_pattern_ops);
CREATE INDEX IF NOT EXISTS oc_events_handle ON oc_events (handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS oc_events_tags ON oc_events USING gin (tags array_ops);
CREATE INDEX IF NOT EXISTS oc_events_span ON oc_events (span range_ops);
CREATE INDEX IF NOT EXISTS oc_events_network ON oc_events (network inet_ops);
CREATE INDEX IF NOT EXISTS oc_events_flags ON oc_events (flags varbit_ops);
CREATE INDEX IF NOT EXISTS oc_events_handle_trgm ON oc_events USING gin (handle gin_trgm_ops);
CREATE INDEX IF NOT EXISTS oc_events_label ON oc_events (label text_pattern_ops);
CREATE INDEX IF NOT EXISTS oc_events_seq ON oc_events (seq pg_catalog.int4_ops);
CREATE INDEX IF NOT EXISTS oc_events_spot ON oc_events USING spgist (spot quad_point_ops);
CREATE INDEX IF NOT EXISTS oc_events_id ON oc_events USING brin (id int8_minmax_ops);
-- The expression's type is not judged.
CREATE INDEX IF NOT EXISTS oc_events_payload_text ON oc_events ((payload::text) text_pattern_ops);
