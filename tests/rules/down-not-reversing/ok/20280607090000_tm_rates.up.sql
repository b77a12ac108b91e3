CREATE TABLE IF NOT EXISTS tm_rates (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    amount integer NOT NULL
);
CREATE TABLE IF NOT EXISTS tm_rates_audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    row_id bigint NOT NULL,
    op text NOT NULL
);
CREATE OR REPLACE FUNCTION tm_rates_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tm_rates_audit (row_id, op) VALUES (coalesce(NEW.id, OLD.id), TG_OP);
    RETURN NULL;
END;
$$;
CREATE OR REPLACE TRIGGER tm_rates_audit_trg
    AFTER INSERT OR UPDATE ON tm_rates
    FOR EACH ROW EXECUTE FUNCTION tm_rates_log();
