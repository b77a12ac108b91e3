DROP ROLE IF EXISTS dor_web_anon;
