-- levy_keeper's USAGE, SELECT and UPDATE (rate) went into the owner's: handed back, they are gone
ALTER TABLE levy_data.levy_rates OWNER TO CURRENT_USER;
ALTER SCHEMA levy_data OWNER TO CURRENT_USER;
