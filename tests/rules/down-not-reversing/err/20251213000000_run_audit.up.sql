-- PUBLIC lost EXECUTE in an earlier migration: this gives it back
GRANT EXECUTE ON FUNCTION plans_audit() TO PUBLIC;
