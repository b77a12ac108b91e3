DELETE FROM ledger WHERE amount = 0;
UPDATE ledger SET booked = current_date WHERE booked IS NULL;
