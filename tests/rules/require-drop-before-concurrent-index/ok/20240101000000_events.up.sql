CREATE TABLE IF NOT EXISTS events (id bigint, occurred_at timestamptz NOT NULL, payload jsonb)
  PARTITION BY RANGE (occurred_at);
