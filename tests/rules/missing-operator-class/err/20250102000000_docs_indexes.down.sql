DROP INDEX IF EXISTS docs_title_search, docs_rank_gin, docs_slug_gist, docs_origin_gist, docs_created_gist, docs_meta, docs_spot;
