ALTER TYPE shipment_status ADD VALUE IF NOT EXISTS 'returned';
