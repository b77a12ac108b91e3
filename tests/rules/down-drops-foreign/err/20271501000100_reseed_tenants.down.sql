-- acme and globex belong to the earlier migration; so does umbrella, which the up only updated.
DELETE FROM tenants WHERE slug IN ('acme', 'globex', 'initech');
DELETE FROM tenants WHERE slug = 'umbrella';
