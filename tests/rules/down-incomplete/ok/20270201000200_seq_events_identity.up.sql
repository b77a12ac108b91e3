-- The sequence of an identity added to a column that was there before: DROP SEQUENCE is
-- refused while the column requires it; down-not-reversing asks the down to drop the identity.
ALTER TABLE seq_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
