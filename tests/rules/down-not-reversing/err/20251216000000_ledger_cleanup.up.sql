DELETE FROM ledger WHERE amount = 0;
UPDATE ledger SET booked = current_date WHERE booked IS NULL;
-- an earlier migration gave it to app_owner: back to the runner is a change
ALTER TABLE ledger OWNER TO CURRENT_USER;
