DROP TABLE IF EXISTS shipments;
DROP TYPE IF EXISTS shipment_status;
