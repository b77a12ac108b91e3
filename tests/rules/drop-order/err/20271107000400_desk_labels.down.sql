DROP TABLE IF EXISTS desk_labels;
DROP TYPE IF EXISTS desk_label_color;
