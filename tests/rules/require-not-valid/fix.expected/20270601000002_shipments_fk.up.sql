-- Partitioned: PostgreSQL refuses NOT VALID on its foreign keys, so no fix adds it.
ALTER TABLE shipments ADD CONSTRAINT shipments_carrier_fk
    FOREIGN KEY (carrier_id) REFERENCES carriers (id);
ALTER TABLE shipments ADD COLUMN IF NOT EXISTS depot_id bigint DEFAULT 1 REFERENCES depots (id);
-- A CHECK takes NOT VALID on a partitioned table.
ALTER TABLE shipments ADD CONSTRAINT shipments_id_positive CHECK (id > 0) NOT VALID;
