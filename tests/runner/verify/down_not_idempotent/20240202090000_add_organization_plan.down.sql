-- Plans are gone again.
ALTER TABLE organizations
    DROP COLUMN plan;
