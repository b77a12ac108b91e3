-- sqlgate:irreversible PostgreSQL cannot drop an enum value
SELECT 1;
