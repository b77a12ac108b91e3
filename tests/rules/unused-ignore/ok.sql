-- An ignore naming a rule that is off in this run may matter where it runs: not reported.
-- sqlgate:ignore require-if-not-exists -- created once by the bootstrap job
CREATE TABLE users (id bigint);
