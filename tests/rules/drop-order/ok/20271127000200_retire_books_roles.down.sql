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
END $$;
GRANT SELECT ON books TO books_reader;
ALTER TABLE books OWNER TO books_admin;
ALTER POLICY books_view ON books TO books_viewer;
