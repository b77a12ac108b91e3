ALTER TABLE desk_labels ALTER COLUMN color TYPE text USING color::text;
DROP TYPE desk_label_color;
