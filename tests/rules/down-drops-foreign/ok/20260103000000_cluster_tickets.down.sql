-- CLUSTER ... USING marked the index: the down takes the mark away again.
ALTER TABLE tickets SET WITHOUT CLUSTER;
