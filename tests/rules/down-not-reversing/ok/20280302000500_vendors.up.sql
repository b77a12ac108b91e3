CREATE TABLE IF NOT EXISTS vendors (
    legacy_id bigint,
    code      text,
    region    text,
    email     text NOT NULL
);
CREATE TABLE IF NOT EXISTS vendor_sites (site_no int, vendor_code text);
