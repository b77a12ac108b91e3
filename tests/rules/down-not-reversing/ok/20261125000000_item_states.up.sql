CREATE TYPE item_state AS ENUM ('new', 'old', 'gone');
