ALTER ROLE rr_app_readonly RENAME TO rr_reporting_ro; -- sqlgate:run-once renamed once
