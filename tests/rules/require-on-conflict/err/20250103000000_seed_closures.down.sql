DELETE FROM room_closures WHERE room_id = 1;
DELETE FROM rooms WHERE id = 1;
