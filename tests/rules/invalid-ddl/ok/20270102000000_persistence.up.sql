-- The referenced table first, then the one that references it (its reference to itself does not
-- count); SET UNLOGGED the other way round.
ALTER TABLE import_batch SET LOGGED;
ALTER TABLE import_row SET LOGGED;
ALTER TABLE account_note SET UNLOGGED;
ALTER TABLE account SET UNLOGGED;
