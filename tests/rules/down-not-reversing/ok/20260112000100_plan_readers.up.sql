GRANT SELECT ON ALL TABLES IN SCHEMA public TO plan_auditor;
-- plan_reader had it already: nothing for the down to take back.
GRANT SELECT ON plan_prices TO plan_reader;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO number_reader;
