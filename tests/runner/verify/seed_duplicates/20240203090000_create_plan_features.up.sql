CREATE TABLE IF NOT EXISTS plan_features (
    plan_id bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    feature text NOT NULL,
    PRIMARY KEY (plan_id, feature)
);
