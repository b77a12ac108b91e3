-- The value added alone; a comparison of the column as text, and a text column, do not use it.
ALTER TYPE event_kind ADD VALUE IF NOT EXISTS 'expired';
UPDATE events SET note = 'expired' WHERE kind::text = 'expired';
