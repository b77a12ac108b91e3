-- log_ddl is left off; guard_ddl is set to ENABLE REPLICA, where it was ENABLE
ALTER EVENT TRIGGER guard_ddl ENABLE REPLICA;
