ALTER SCHEMA dp_template RENAME TO dp_blueprint; -- sqlgate:run-once renamed once
