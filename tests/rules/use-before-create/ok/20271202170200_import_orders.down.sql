DROP FOREIGN TABLE IF EXISTS mirror.orders, mirror."Lines";
DROP SCHEMA IF EXISTS mirror;
