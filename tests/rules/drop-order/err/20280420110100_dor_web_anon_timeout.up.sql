ALTER ROLE dor_web_anon SET statement_timeout = '3s';
