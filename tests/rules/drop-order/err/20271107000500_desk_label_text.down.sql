CREATE TYPE desk_label_color AS ENUM ('red', 'green');
ALTER TABLE desk_labels ALTER COLUMN color DROP DEFAULT;
ALTER TABLE desk_labels ALTER COLUMN color TYPE desk_label_color USING color::desk_label_color;
ALTER TABLE desk_labels ALTER COLUMN color SET DEFAULT 'red';
