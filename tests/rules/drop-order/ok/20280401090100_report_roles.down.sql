-- DROP OWNED BY the owner role removes the default privileges it owns (pg_default_acl is empty
-- after it): DROP ROLE of the reader then succeeds.
DO $$
BEGIN
    IF to_regrole('dor_report_owner') IS NOT NULL THEN
        DROP OWNED BY dor_report_owner;
    END IF;
END
$$;
DROP ROLE IF EXISTS dor_report_reader;
DROP ROLE IF EXISTS dor_report_owner;
