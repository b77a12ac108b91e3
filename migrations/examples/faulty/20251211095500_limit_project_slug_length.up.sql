-- ALTER DOMAIN ... ADD CONSTRAINT on a domain in use: PostgreSQL checks every project_links row
-- while the table is locked against writes.
DO $$
BEGIN
    ALTER DOMAIN project_slug ADD CONSTRAINT project_slug_length CHECK (length(VALUE) <= 60);
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
