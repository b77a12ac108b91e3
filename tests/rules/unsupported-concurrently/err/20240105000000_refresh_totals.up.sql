-- account_totals was made WITH NO DATA.
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;
-- account_counts has no unique index on plain columns without WHERE.
REFRESH MATERIALIZED VIEW CONCURRENTLY account_counts;
-- Never together.
REFRESH MATERIALIZED VIEW CONCURRENTLY account_counts WITH NO DATA;
