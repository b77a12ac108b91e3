DELETE FROM tenants WHERE slug IN ('initech', 'hooli');
