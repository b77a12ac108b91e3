-- Two functions of that name: PostgreSQL cannot tell which one.
DROP FUNCTION IF EXISTS team_ids_of;
-- One function and one procedure: DROP FUNCTION finds the function only.
DROP FUNCTION IF EXISTS refresh_teams;
DROP PROCEDURE IF EXISTS refresh_teams;
