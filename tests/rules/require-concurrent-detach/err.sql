-- sqlgate:no-transaction
ALTER TABLE measurements DETACH PARTITION measurements_2023;
alter table public.events detach partition archive.events_2022;
-- Inside a DO block: reported, no fix (CONCURRENTLY cannot run in a transaction block).
DO $$
BEGIN
  ALTER TABLE logs DETACH PARTITION logs_2021;
END
$$;
