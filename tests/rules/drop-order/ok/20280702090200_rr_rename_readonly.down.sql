ALTER ROLE rr_reporting_ro RENAME TO rr_app_readonly; -- sqlgate:run-once renamed once
