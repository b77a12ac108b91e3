-- DROP OWNED BY the owner role removes the default privileges it owns, those given to PUBLIC
-- among them (pg_default_acl is empty after it).
DO $$
BEGIN
    IF to_regrole('dnr_report_owner') IS NOT NULL THEN
        DROP OWNED BY dnr_report_owner;
    END IF;
END
$$;
DROP ROLE IF EXISTS dnr_report_owner;
