UPDATE tenants SET plan = 'pro' WHERE slug = 'acme';
