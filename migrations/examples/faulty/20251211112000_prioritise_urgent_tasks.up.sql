-- One column assigned twice in one UPDATE (a copy-paste slip): PostgreSQL rejects the
-- statement with "multiple assignments to same column".
UPDATE project_tasks
SET priority = 'h',
    due_at = now() + interval '1 day',
    priority = 'u'
WHERE title LIKE 'URGENT:%';
