-- tariff_keeper's own grants merge into the owner's
ALTER SCHEMA tariff_data OWNER TO tariff_keeper;
ALTER TABLE tariff_data.tariff_rates OWNER TO tariff_keeper;
