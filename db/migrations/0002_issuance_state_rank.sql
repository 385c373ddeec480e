-- How far a job has got. A D1 status update may only move a job to a higher rank, and nothing
-- leaves a final state (rank 3): late, duplicated or reordered notifications never move a job
-- backwards. Mirrors lib/issuance/states.ts (tested against each other).
CREATE OR REPLACE FUNCTION issuance_state_rank(state text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE state
    WHEN 'submitting' THEN 0
    WHEN 'requested' THEN 1
    WHEN 'ready' THEN 2
    WHEN 'done' THEN 3
    WHEN 'data_exception' THEN 3
    WHEN 'production_exception' THEN 3
    WHEN 'canceled' THEN 3
    WHEN 'submission_failed' THEN 3
    ELSE -1
  END
$$;
