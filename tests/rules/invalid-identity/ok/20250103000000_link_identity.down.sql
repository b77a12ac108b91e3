-- DROP IDENTITY runs first in its statement, wherever it is written
CREATE SEQUENCE IF NOT EXISTS ticket_link_ids OWNED BY ticket_links.id;
ALTER TABLE ticket_links ALTER COLUMN id SET DEFAULT nextval('ticket_link_ids'), ALTER COLUMN id DROP IDENTITY IF EXISTS;
