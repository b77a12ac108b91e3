-- Each role is cleared first.
REVOKE SELECT ON books FROM books_reader;
DROP ROLE IF EXISTS books_reader;
REASSIGN OWNED BY books_admin TO CURRENT_USER;
DROP ROLE IF EXISTS books_admin;
ALTER POLICY books_view ON books TO PUBLIC;
DROP ROLE IF EXISTS books_viewer;
