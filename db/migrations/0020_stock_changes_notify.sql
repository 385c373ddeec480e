CREATE INDEX "stock_ledger_station_idx" ON "stock_ledger" USING btree ("station_id","stock_type_id","quantity") WHERE "stock_ledger"."station_id" is not null;--> statement-breakpoint
-- Hand-written: every change of card stock is announced on the `stock_changes` channel when its
-- transaction commits, whoever wrote it (a receipt, a load, a spoil, a destruction, a produced or
-- jammed card recorded from D1's notification, an end-of-day count and its explanation). Each app
-- instance's event listener hears it on the connection it holds for `job_events` and passes it to
-- the branch's open streams, whose screens refetch their stock figures. One statement-level
-- trigger per table, not per row: a movement (a load is two rows, vault and station) costs one
-- NOTIFY, naming the branch and the station it touched (null: vault or spoiled pile only).
-- PostgreSQL folds identical payloads within a transaction, so a batch of cards costs one per station.
CREATE OR REPLACE FUNCTION stock_changes_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT DISTINCT branch_id, station_id FROM changed_rows WHERE station_id IS NOT NULL
    UNION
    SELECT branch_id, NULL FROM changed_rows GROUP BY branch_id HAVING bool_and(station_id IS NULL)
  LOOP
    PERFORM pg_notify('stock_changes', json_build_object('branchId', r.branch_id, 'stationId', r.station_id)::text);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stock_ledger_changes_notify AFTER INSERT ON stock_ledger
REFERENCING NEW TABLE AS changed_rows
FOR EACH STATEMENT EXECUTE FUNCTION stock_changes_notify();
--> statement-breakpoint
-- (A trigger with transition tables takes one event: the counts' insert and update separately.)
CREATE TRIGGER stock_counts_insert_notify AFTER INSERT ON stock_counts
REFERENCING NEW TABLE AS changed_rows
FOR EACH STATEMENT EXECUTE FUNCTION stock_changes_notify();
--> statement-breakpoint
CREATE TRIGGER stock_counts_update_notify AFTER UPDATE ON stock_counts
REFERENCING NEW TABLE AS changed_rows
FOR EACH STATEMENT EXECUTE FUNCTION stock_changes_notify();
