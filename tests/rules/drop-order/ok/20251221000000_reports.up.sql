CREATE TABLE IF NOT EXISTS reports (id bigserial PRIMARY KEY, campaign_id bigint REFERENCES campaigns (id));
CREATE INDEX IF NOT EXISTS reports_campaign_id_idx ON reports (campaign_id);
CREATE OR REPLACE VIEW report_counts AS SELECT campaign_id, count(*) FROM reports GROUP BY campaign_id;
