-- levy_keeper's own grants merge into the owner's
ALTER SCHEMA levy_data OWNER TO levy_keeper;
ALTER TABLE levy_data.levy_rates OWNER TO levy_keeper;
