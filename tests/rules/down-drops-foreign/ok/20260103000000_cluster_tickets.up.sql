CLUSTER tickets USING tickets_pkey;
