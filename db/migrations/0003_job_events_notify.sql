-- Every job event is announced on the `job_events` channel when its transaction commits, so any
-- writer (receiver, submission worker, reconciliation, teller actions) reaches the live SSE
-- streams of every app instance without extra code. NOTIFY payloads are limited to 8000 bytes:
-- events normally fit whole (their detail fields are bounded), which saves every listener a read;
-- an oversized one is announced by id only and listeners load it from job_events.
CREATE OR REPLACE FUNCTION job_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  payload := json_build_object(
    'id', NEW.id,
    'jobId', NEW.job_id,
    'branchId', NEW.branch_id,
    'kind', NEW.kind,
    'state', NEW.state,
    'd1Status', NEW.d1_status,
    'detail', NEW.detail,
    'at', NEW.created_at
  )::text;
  IF octet_length(payload) > 7000 THEN
    payload := json_build_object('id', NEW.id, 'jobId', NEW.job_id, 'branchId', NEW.branch_id, 'truncated', true)::text;
  END IF;
  PERFORM pg_notify('job_events', payload);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER job_events_notify AFTER INSERT ON job_events
FOR EACH ROW EXECUTE FUNCTION job_events_notify();
