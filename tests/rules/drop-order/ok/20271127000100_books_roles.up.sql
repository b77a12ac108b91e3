-- Roles, and what each is given on books: privileges, ownership, a place in a policy.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'books_reader') THEN
    CREATE ROLE books_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'books_admin') THEN
    CREATE ROLE books_admin NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'books_viewer') THEN
    CREATE ROLE books_viewer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'books_clerk') THEN
    CREATE ROLE books_clerk NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY, amount numeric NOT NULL);
GRANT SELECT ON books TO books_reader;
ALTER TABLE books OWNER TO books_admin;
ALTER TABLE books ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS books_view ON books;
CREATE POLICY books_view ON books FOR SELECT TO books_viewer USING (true);
GRANT SELECT ON books TO books_clerk;
