SET search_path = app, public; DROP TRIGGER IF EXISTS recent_events_stamp ON recent_events;
