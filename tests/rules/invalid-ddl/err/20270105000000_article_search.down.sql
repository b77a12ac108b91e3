DROP TABLE article_draft;
DROP TABLE article;
