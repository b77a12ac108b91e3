CREATE TABLE IF NOT EXISTS parcel_sizes (
    id        bigint PRIMARY KEY,
    volume_cm numeric GENERATED ALWAYS AS (length_cm * width_cm * height_cm) STORED,
    length_cm numeric NOT NULL,
    width_cm  numeric NOT NULL,
    height_cm numeric NOT NULL
);
