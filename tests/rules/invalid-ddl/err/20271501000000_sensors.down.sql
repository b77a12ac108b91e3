DROP TABLE sensors_af, sensors_sa, sensors_eu, sensors_ap, sensors_us, sensors;
