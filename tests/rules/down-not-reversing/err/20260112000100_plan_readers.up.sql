GRANT SELECT ON ALL TABLES IN SCHEMA public TO plan_reader, plan_auditor;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO number_reader;
