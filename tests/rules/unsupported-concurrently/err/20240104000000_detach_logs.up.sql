-- sqlgate:no-transaction
-- logs_other is logs' DEFAULT partition.
ALTER TABLE logs DETACH PARTITION logs_2024 CONCURRENTLY;
