-- as they were, written as pg_dump writes them
CREATE TRIGGER audit_events_stamp BEFORE INSERT ON public.audit_events FOR EACH ROW EXECUTE PROCEDURE public.audit_stamp();
CREATE TRIGGER audit_events_level AFTER UPDATE OF level ON public.audit_events
  FOR EACH ROW WHEN ((new.level > 0)) EXECUTE FUNCTION public.audit_stamp();
