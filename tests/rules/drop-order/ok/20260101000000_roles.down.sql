-- What each role holds goes before the role: revoked, dropped with its table, or DROP OWNED.
REVOKE SELECT ON campaigns FROM campaign_reader;
DROP ROLE IF EXISTS campaign_reader;
DROP TABLE IF EXISTS campaign_notes;
DROP OWNED BY campaign_viewer;
DROP ROLE IF EXISTS campaign_viewer;
DROP ROLE IF EXISTS campaign_owner;
