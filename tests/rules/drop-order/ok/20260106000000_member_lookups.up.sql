CREATE OR REPLACE FUNCTION member_ids_of(member uuid) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS 'SELECT member';
CREATE OR REPLACE FUNCTION member_ids_of(member uuid, role text) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS 'SELECT member';
