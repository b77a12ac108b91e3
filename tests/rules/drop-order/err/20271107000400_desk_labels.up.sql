CREATE TYPE desk_label_color AS ENUM ('red', 'green');
CREATE TABLE IF NOT EXISTS desk_labels (id bigint PRIMARY KEY, color desk_label_color DEFAULT 'red');
