-- As the up left it: code has "C", and TYPE text gives it "default" again.
ALTER TABLE skus ALTER COLUMN code TYPE text;
