DELETE FROM tenants WHERE slug = 'hooli';
