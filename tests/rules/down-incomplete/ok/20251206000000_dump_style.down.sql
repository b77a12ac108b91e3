-- the sequence is owned by jobs.id: it goes with the table
DROP TABLE public.jobs;
