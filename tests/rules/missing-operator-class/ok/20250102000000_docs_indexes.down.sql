DROP INDEX IF EXISTS docs_title_search, docs_body, docs_tags, docs_search, docs_during, docs_origin, docs_spot, docs_meta_kind, docs_body_btree, docs_rank;
