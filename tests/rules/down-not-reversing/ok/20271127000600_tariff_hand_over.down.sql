ALTER TABLE tariff_data.tariff_rates OWNER TO CURRENT_USER;
ALTER SCHEMA tariff_data OWNER TO CURRENT_USER;
GRANT USAGE ON SCHEMA tariff_data TO tariff_keeper;
GRANT SELECT, UPDATE (rate) ON tariff_data.tariff_rates TO tariff_keeper;
-- the owner's column entry went to the old owner
REVOKE UPDATE (rate) ON tariff_data.tariff_rates FROM CURRENT_USER;
