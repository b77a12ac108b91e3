-- the column is an identity column until DROP IDENTITY: the SET DEFAULT must not come before it
CREATE SEQUENCE IF NOT EXISTS ticket_link_ids OWNED BY ticket_links.id;
ALTER TABLE ticket_links ALTER COLUMN id SET DEFAULT nextval('ticket_link_ids');
ALTER TABLE ticket_links ALTER COLUMN id DROP IDENTITY IF EXISTS;
