-- the snapshot becomes jsonb first: no column has the row type of rso_orders any more
ALTER TABLE rso_order_snapshots ALTER COLUMN snapshot TYPE jsonb USING to_jsonb(snapshot);
ALTER TABLE rso_orders ALTER COLUMN amount_cents TYPE bigint;
