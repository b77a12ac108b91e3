CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL,
  logged_at timestamp(3) with time zone, day date, at time);
SELECT now()::timestamp;
