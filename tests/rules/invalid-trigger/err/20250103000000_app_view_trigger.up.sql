SET search_path = app, public;
CREATE OR REPLACE TRIGGER recent_events_stamp BEFORE INSERT ON recent_events FOR EACH ROW EXECUTE FUNCTION public.audit_orders();
