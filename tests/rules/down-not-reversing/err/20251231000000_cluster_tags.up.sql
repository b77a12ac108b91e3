CLUSTER tags USING tags_pkey;
