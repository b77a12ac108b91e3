-- city back between street and zip: zip dropped and added again after it.
ALTER TYPE address DROP ATTRIBUTE zip, ADD ATTRIBUTE city text, ADD ATTRIBUTE zip text;
