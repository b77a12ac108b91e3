DROP TABLE members;
DROP TABLE orgs;
