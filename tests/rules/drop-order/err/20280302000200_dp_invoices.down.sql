DROP TABLE IF EXISTS dp_template.dp_invoices;
