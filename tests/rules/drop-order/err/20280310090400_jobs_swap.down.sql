DROP TABLE IF EXISTS swap_jobs;
DROP TABLE IF EXISTS swap_jobs_new, swap_jobs_copy, swap_jobs_bare;
