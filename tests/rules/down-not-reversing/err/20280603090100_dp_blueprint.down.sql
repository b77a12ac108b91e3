ALTER SCHEMA dp_blueprint RENAME TO dp_template; -- sqlgate:run-once renamed once
