# Runner tests need PostgreSQL; tools/test.sh starts one.
