DROP TABLE tags;
DROP TABLE books;
DROP TABLE authors;
DROP TABLE bookings;
DROP FUNCTION bookings_check_capacity();
DROP TABLE rooms;
