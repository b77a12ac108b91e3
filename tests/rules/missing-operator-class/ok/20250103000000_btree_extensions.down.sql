DROP INDEX IF EXISTS docs_rank_gin, docs_created_gist;
