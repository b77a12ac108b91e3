ALTER TYPE tier ADD VALUE IF NOT EXISTS 'enterprise' AFTER 'premium';
