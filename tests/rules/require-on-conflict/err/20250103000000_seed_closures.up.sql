INSERT INTO rooms (id) VALUES (1) ON CONFLICT DO NOTHING;
INSERT INTO room_closures (room_id, closed, note)
VALUES (1, daterange('2025-12-24', '2026-01-02'), 'holidays')
ON CONFLICT DO NOTHING;
INSERT INTO room_closures (room_id, closed, note)
VALUES (1, daterange('2026-07-01', '2026-07-15'), 'works')
ON CONFLICT ON CONSTRAINT room_closures_no_overlap DO NOTHING;
