CREATE TABLE IF NOT EXISTS swap_jobs (
    id bigserial PRIMARY KEY,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE IF NOT EXISTS swap_jobs_new (LIKE swap_jobs INCLUDING ALL);
CREATE TABLE IF NOT EXISTS swap_jobs_copy (LIKE swap_jobs INCLUDING DEFAULTS);
CREATE TABLE IF NOT EXISTS swap_jobs_bare (LIKE swap_jobs INCLUDING ALL EXCLUDING DEFAULTS);
