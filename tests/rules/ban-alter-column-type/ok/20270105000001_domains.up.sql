-- A domain without constraints converts as its base type (checked with pg_relation_filenode).
ALTER TABLE customers ALTER COLUMN email TYPE email_addr;
ALTER TABLE customers ALTER COLUMN email TYPE any_text;
ALTER TABLE customers ALTER COLUMN code TYPE email_addr;
ALTER TABLE customers ALTER COLUMN nick TYPE short_text;
-- Constraints dropped before do not count.
ALTER TABLE customers ALTER COLUMN score TYPE loose_percent;
ALTER TABLE customers ALTER COLUMN nick TYPE maybe_text;
-- From a domain, constrained or not, to its base type: the values are relabelled.
ALTER TABLE customers ALTER COLUMN score TYPE int;
