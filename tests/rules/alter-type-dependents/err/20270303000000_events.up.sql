CREATE TABLE events (
  id bigint PRIMARY KEY,
  opened_at timestamp NOT NULL,
  closed_at timestamp,
  due_on date,
  state varchar(20) NOT NULL
);
CREATE INDEX events_opened_day_idx ON events (date(opened_at));
CREATE INDEX events_recent_idx ON events (id) WHERE closed_at > '2020-01-01';
CREATE INDEX events_due_idx ON events ((due_on::timestamp));
CREATE INDEX events_state_lower_idx ON events (lower(state));
