-- Activity partitioned by month: the primary key must include the partition key's column.
CREATE TABLE IF NOT EXISTS project_activity (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL,
    happened_at timestamptz NOT NULL
) PARTITION BY RANGE (happened_at);
