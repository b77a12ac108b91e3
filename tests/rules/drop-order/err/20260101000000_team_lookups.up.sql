CREATE OR REPLACE FUNCTION team_ids_of(member uuid) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS 'SELECT member';
CREATE OR REPLACE FUNCTION team_ids_of(member uuid, role text) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS 'SELECT member';
CREATE OR REPLACE PROCEDURE refresh_teams(full_scan boolean)
  LANGUAGE sql AS 'SELECT 1';
CREATE OR REPLACE FUNCTION refresh_teams() RETURNS void LANGUAGE sql AS 'SELECT 1';
