CREATE TABLE events (
  id bigint PRIMARY KEY,
  opened_at timestamp NOT NULL CHECK (date(opened_at) > '2020-01-01'),
  closed_at timestamp,
  due_on timestamp,
  state varchar(20) NOT NULL
);
CREATE INDEX events_opened_day_idx ON events (date(opened_at));
CREATE INDEX events_due_idx ON events (id) WHERE due_on > '2020-01-01';
CREATE INDEX events_state_idx ON events (state) WHERE state IS NOT NULL;
