ALTER TABLE qe_app.orders ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE qe_app.orders ALTER COLUMN id SET DEFAULT nextval('orders_id_seq'::regclass);
