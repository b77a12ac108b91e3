DROP TABLE slots;
