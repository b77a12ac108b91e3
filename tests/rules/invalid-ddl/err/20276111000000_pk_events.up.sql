CREATE TABLE pk_ref (id integer PRIMARY KEY);
CREATE TABLE pk_events (
  id bigint NOT NULL,
  at date NOT NULL,
  note text,
  ref_id integer,
  CONSTRAINT pk_events_id_check CHECK (id > 0),
  CONSTRAINT pk_events_ref_fk FOREIGN KEY (ref_id) REFERENCES pk_ref
) PARTITION BY RANGE (at);
CREATE TABLE pk_events_2026 PARTITION OF pk_events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY RANGE (at);
CREATE TABLE pk_events_2026_h1 PARTITION OF pk_events_2026 FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
CREATE TABLE pk_events_2025 PARTITION OF pk_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE pk_events_2024 (id bigint NOT NULL, at date NOT NULL, note text, ref_id integer, CONSTRAINT pk_events_id_check CHECK (id > 0));
ALTER TABLE pk_events ATTACH PARTITION pk_events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE pk_archive (id bigint NOT NULL, at date NOT NULL);
