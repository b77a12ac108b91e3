ALTER TABLE counters ADD COLUMN id integer NOT NULL;
CREATE SEQUENCE counters_id_seq;
ALTER SEQUENCE counters_id_seq OWNED BY counters.id;
ALTER TABLE ONLY counters ALTER COLUMN id SET DEFAULT nextval('counters_id_seq'::regclass);
