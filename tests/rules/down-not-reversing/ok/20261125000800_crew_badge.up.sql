-- legacy_badge was made outside the migrations (the DROP would fail without it)
ALTER TABLE crew_members DROP COLUMN legacy_badge;
