DROP TABLE sensors_ap, sensors_eu, sensors_us, sensor_kind, sensors;
