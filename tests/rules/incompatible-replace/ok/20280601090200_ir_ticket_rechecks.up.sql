CREATE TABLE IF NOT EXISTS ir_tickets_rechecked (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'open', closed_at timestamptz);
CREATE OR REPLACE FUNCTION ir_recheck_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'closed' AND NEW.closed_at IS NULL THEN
        RAISE EXCEPTION 'closed ticket % has no closed_at', NEW.id;
    END IF;
    RETURN NULL;
END $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_trigger WHERE tgname = 'ir_tickets_recheck_closed_at'
                   AND tgrelid = 'ir_tickets_rechecked'::regclass) THEN
        CREATE CONSTRAINT TRIGGER ir_tickets_recheck_closed_at
            AFTER INSERT OR UPDATE ON ir_tickets_rechecked
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION ir_recheck_closed_at();
    END IF;
END $$;
