-- Immutable expressions: ||, lower(), a text search configuration named, a fixed date.
CREATE TABLE IF NOT EXISTS people (
  first_name text,
  last_name text,
  created_at timestamptz,
  full_name text GENERATED ALWAYS AS (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) STORED
);
ALTER TABLE people ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(first_name, ''))) STORED;
CREATE INDEX IF NOT EXISTS people_lower_idx ON people (lower(last_name));
CREATE INDEX IF NOT EXISTS people_recent_idx ON people (last_name) WHERE created_at > '2025-01-01';
-- A default may call anything: it is computed once per row, not kept in step.
ALTER TABLE people ADD COLUMN IF NOT EXISTS added date DEFAULT CURRENT_DATE;
-- A function of another schema (the file's own, declared IMMUTABLE) is not judged.
CREATE INDEX IF NOT EXISTS people_label_idx ON people (app.immutable_concat(first_name, last_name));
-- A function written in SQL is inlined before PostgreSQL checks the expression: its body counts,
-- not what it was declared (here the default, VOLATILE), checked on PostgreSQL 15.
CREATE OR REPLACE FUNCTION full_name(first text, last text) RETURNS text LANGUAGE sql AS $$ SELECT first || ' ' || last $$;
CREATE INDEX IF NOT EXISTS people_full_name_idx ON people (full_name(first_name, last_name));
-- The usual wrapper of unaccent(), declared IMMUTABLE.
CREATE OR REPLACE FUNCTION plain_text(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN public.unaccent('public.unaccent'::regdictionary, value);
END $$;
CREATE INDEX IF NOT EXISTS people_plain_text_idx ON people (plain_text(last_name));
-- A timestamptz turned into a timestamp by AT TIME ZONE, a timestamp, the difference of two
-- timestamptz values: immutable.
ALTER TABLE people ADD COLUMN IF NOT EXISTS local_at timestamp;
ALTER TABLE people ADD COLUMN IF NOT EXISTS created_on date GENERATED ALWAYS AS ((created_at AT TIME ZONE 'UTC')::date) STORED;
CREATE INDEX IF NOT EXISTS people_day_idx ON people (date_trunc('day', created_at AT TIME ZONE 'UTC'));
CREATE INDEX IF NOT EXISTS people_local_day_idx ON people (extract(day FROM local_at), (local_at::date));
CREATE INDEX IF NOT EXISTS people_age_idx ON people ((created_at - '2020-01-01'), age(created_at, '2020-01-01'));
CREATE INDEX IF NOT EXISTS people_second_idx ON people ((created_at::timestamp(0) with time zone));
CREATE TABLE IF NOT EXISTS path_events (
  doc jsonb,
  -- The jsonpath functions without _tz are immutable, and so is jsonb_to_tsvector() with a
  -- configuration.
  recent boolean GENERATED ALWAYS AS (jsonb_path_exists(doc, '$.at ? (@ > 10)')) STORED,
  words tsvector GENERATED ALWAYS AS (jsonb_to_tsvector('english', doc, '["string"]')) STORED
);
CREATE INDEX IF NOT EXISTS path_events_first_idx ON path_events ((jsonb_path_query_first(doc, '$.at')));
CREATE INDEX IF NOT EXISTS path_events_match_idx ON path_events (doc) WHERE jsonb_path_match(doc, '$.n == 1');
CREATE TABLE IF NOT EXISTS appointments (
  dentist_id bigint NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- A timestamptz AT TIME ZONE is a timestamp, whose cast to date is immutable.
  CONSTRAINT appointments_day_no_overlap EXCLUDE USING gist (dentist_id WITH =, daterange((starts_at AT TIME ZONE 'UTC')::date, (ends_at AT TIME ZONE 'UTC')::date, '[]') WITH &&)
);
-- A constant is converted once, when the statement is parsed.
ALTER TABLE appointments ADD CONSTRAINT appointments_range_no_overlap
  EXCLUDE USING gist (dentist_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (ends_at > '2025-01-01');
