CREATE TABLE IF NOT EXISTS project_roles (
    name         text PRIMARY KEY,
    description  text NOT NULL
);

INSERT INTO project_roles (name, description) VALUES
    ('viewer', 'Reads the project'),
    ('editor', 'Changes the project');
