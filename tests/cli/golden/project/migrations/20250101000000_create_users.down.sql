-- sqlgate:irreversible
DROP TABLE IF EXISTS users;
