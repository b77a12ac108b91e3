-- sqlgate:ignore require-if-not-exist -- misspelt rule id
CREATE TABLE IF NOT EXISTS project_tags (project_id bigint, tag text, PRIMARY KEY (project_id, tag));

-- sqlgate:ignore require-on-conflict -- stale: the INSERT below has ON CONFLICT now
INSERT INTO project_tags (project_id, tag) VALUES (1, 'demo') ON CONFLICT DO NOTHING;

-- sqlgate:skip-next
-- sqlgate:run-once
UPDATE project_tags SET tag = tag || '!';
