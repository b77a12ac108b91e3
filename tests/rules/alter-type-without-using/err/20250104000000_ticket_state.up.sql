SET search_path = app;
ALTER TABLE tickets ALTER COLUMN state TYPE ticket_state;
