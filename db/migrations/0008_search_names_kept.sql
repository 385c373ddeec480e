-- customer_names holds every distinct customers.search_name: filled now, then kept by
-- statement-level triggers (one insert per statement, not per row, so bulk loads stay fast).
-- Names nobody holds any more are harmless: the search joins back to customers.
INSERT INTO customer_names (search_name) SELECT DISTINCT search_name FROM customers ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_names_keep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_names (search_name)
  SELECT DISTINCT search_name FROM changed_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customer_names_on_insert AFTER INSERT ON customers
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_names_keep();
--> statement-breakpoint
CREATE TRIGGER customer_names_on_update AFTER UPDATE ON customers
REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_names_keep();
