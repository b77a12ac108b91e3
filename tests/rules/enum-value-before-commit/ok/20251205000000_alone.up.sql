-- sqlgate:no-transaction
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'held';
UPDATE events SET kind = 'held' WHERE id < 0;
