-- The next data migration stages its ids under the same names; in one `up` the earlier ones are
-- still there.
CREATE TEMP TABLE batch_ids (id bigint);
CREATE INDEX batch_ids_id ON batch_ids (id);
