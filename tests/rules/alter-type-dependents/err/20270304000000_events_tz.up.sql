-- Indexes that are not immutable with the new type: PostgreSQL refuses to build them again.
ALTER TABLE events ALTER COLUMN opened_at TYPE timestamptz USING opened_at AT TIME ZONE 'UTC';
ALTER TABLE events ALTER COLUMN closed_at TYPE timestamptz USING closed_at AT TIME ZONE 'UTC';
ALTER TABLE events ALTER COLUMN due_on TYPE timestamptz;
ALTER TABLE events ALTER COLUMN state TYPE ticket_status USING state::ticket_status;
