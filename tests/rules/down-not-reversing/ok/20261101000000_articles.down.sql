DROP TABLE IF EXISTS article_copies;
DROP TABLE IF EXISTS articles;
