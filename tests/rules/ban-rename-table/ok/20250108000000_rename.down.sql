-- A down reverses its up's rename.
ALTER TABLE purchases RENAME TO orders;
