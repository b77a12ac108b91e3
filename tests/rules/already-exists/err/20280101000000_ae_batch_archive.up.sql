-- A data migration stages the ids it moves in a temporary table made without ON COMMIT DROP.
CREATE TEMP TABLE batch_ids AS SELECT 1::bigint AS id;
CREATE INDEX batch_ids_id ON batch_ids (id);
