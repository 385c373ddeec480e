-- Every job event is announced on the `job_events` channel when its transaction commits, so any
-- writer (receiver, submission worker, reconciliation, teller actions) reaches the live SSE
-- streams of every app instance without extra code or a second round trip.
CREATE OR REPLACE FUNCTION job_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('job_events', json_build_object(
    'id', NEW.id,
    'jobId', NEW.job_id,
    'branchId', NEW.branch_id,
    'kind', NEW.kind,
    'state', NEW.state,
    'd1Status', NEW.d1_status,
    'detail', NEW.detail,
    'at', NEW.created_at
  )::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_events_notify AFTER INSERT ON job_events
FOR EACH ROW EXECUTE FUNCTION job_events_notify();
