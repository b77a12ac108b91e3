-- Generated columns whose expression calls a function that is not IMMUTABLE.
CREATE TABLE IF NOT EXISTS people (
  first_name text,
  last_name text,
  tags text[],
  created_at timestamptz,
  full_name text GENERATED ALWAYS AS (concat_ws(' ', first_name, last_name)) STORED
);
ALTER TABLE people ADD COLUMN IF NOT EXISTS doc jsonb GENERATED ALWAYS AS (jsonb_build_object('first', first_name)) STORED;
ALTER TABLE people ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS (to_tsvector(first_name)) STORED;
ALTER TABLE people ADD COLUMN IF NOT EXISTS tag_list text GENERATED ALWAYS AS (array_to_string(tags, ',')) STORED;
ALTER TABLE people ADD COLUMN IF NOT EXISTS added date GENERATED ALWAYS AS (CURRENT_DATE) STORED;
-- Index expressions and predicates.
CREATE INDEX IF NOT EXISTS people_recent_idx ON people (last_name) WHERE created_at > now() - interval '30 days';
CREATE INDEX IF NOT EXISTS people_name_idx ON people (concat(first_name, last_name));
CREATE INDEX IF NOT EXISTS people_label_idx ON people (format('%s %s', first_name, last_name));
-- unaccent() is STABLE (it reads its dictionary), with any schema.
CREATE INDEX IF NOT EXISTS people_plain_name_idx ON people (public.unaccent(last_name));
-- A PL/pgSQL function created without IMMUTABLE: volatile, and PostgreSQL does not inline it.
CREATE OR REPLACE FUNCTION initials(first text, last text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN left(first, 1) || left(last, 1);
END $$;
CREATE INDEX IF NOT EXISTS people_initials_idx ON people (initials(first_name, last_name));
-- Functions and casts of a timestamptz read the TimeZone setting: STABLE, not IMMUTABLE.
CREATE INDEX IF NOT EXISTS people_day_idx ON people (date_trunc('day', created_at));
CREATE INDEX IF NOT EXISTS people_day_zone_idx ON people (date_trunc('day', created_at, 'UTC'));
CREATE INDEX IF NOT EXISTS people_year_idx ON people (extract(year FROM created_at));
CREATE INDEX IF NOT EXISTS people_epoch_idx ON people (date_part('epoch', created_at));
ALTER TABLE people ADD COLUMN IF NOT EXISTS created_on date GENERATED ALWAYS AS (created_at::date) STORED;
CREATE INDEX IF NOT EXISTS people_next_day_idx ON people ((created_at + interval '1 day'));
CREATE INDEX IF NOT EXISTS people_age_idx ON people (age(created_at));
CREATE TABLE IF NOT EXISTS events (
  payload jsonb,
  local_at timestamp,
  -- Text parsed as a timestamp reads DateStyle (and TimeZone).
  happened_at timestamptz GENERATED ALWAYS AS ((payload ->> 'at')::timestamptz) STORED,
  -- A timestamp AT TIME ZONE is a timestamptz again.
  local_on date GENERATED ALWAYS AS ((local_at AT TIME ZONE 'UTC')::date) STORED
);
CREATE TABLE IF NOT EXISTS path_events (
  doc jsonb,
  -- The _tz jsonpath functions compare dates and times across zones: stable.
  recent boolean GENERATED ALWAYS AS (jsonb_path_exists_tz(doc, '$.at ? (@.datetime() > "2026-01-01".datetime())')) STORED,
  -- jsonb_to_tsvector() without a configuration reads default_text_search_config.
  words tsvector GENERATED ALWAYS AS (jsonb_to_tsvector(doc, '["string"]')) STORED
);
CREATE INDEX IF NOT EXISTS path_events_first_idx ON path_events ((jsonb_path_query_first_tz(doc, '$.at')));
CREATE INDEX IF NOT EXISTS path_events_match_idx ON path_events (doc) WHERE jsonb_path_match_tz(doc, '$.n == 1');
CREATE INDEX IF NOT EXISTS path_events_array_idx ON path_events USING gin ((jsonb_path_query_array_tz(doc, '$.tags')));
CREATE INDEX IF NOT EXISTS path_events_json_idx ON path_events USING gin ((json_to_tsvector(doc::json, '"all"')));
-- An exclusion constraint builds an index over its elements, and PostgreSQL checks them alike.
CREATE TABLE IF NOT EXISTS appointments (
  dentist_id bigint NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL,
  CONSTRAINT appointments_no_overlap EXCLUDE USING gist (dentist_id WITH =, daterange(starts_at::date, ends_at::date, '[]') WITH &&)
);
ALTER TABLE appointments ADD CONSTRAINT appointments_slot_no_overlap
  EXCLUDE USING gist (dentist_id WITH =, tstzrange(starts_at, starts_at + make_interval(mins => duration_minutes)) WITH &&);
ALTER TABLE appointments ADD CONSTRAINT appointments_recent_no_overlap
  EXCLUDE USING gist (dentist_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (ends_at > now());
