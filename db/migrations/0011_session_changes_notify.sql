-- Every change that can end a user's sessions is announced on the `session_changes` channel when
-- its transaction commits: a session record ended or removed (sign-out, idle, password change,
-- lifetime), or the user deactivated, moved to another role or branch, or given a new session
-- version (password reset). Each app instance's event listener hears it on the connection it
-- already holds for `job_events` and has that user's open event streams re-check their session,
-- so a stream never outlives its session. The payload names the user (and the session record);
-- what changed is re-read from the database, never trusted from the payload.
CREATE OR REPLACE FUNCTION session_changes_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('session_changes', json_build_object('userId', NEW.id)::text);
  ELSE
    PERFORM pg_notify('session_changes', json_build_object('userId', OLD.user_id, 'sessionId', OLD.id)::text);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_session_changes_notify AFTER UPDATE ON users
FOR EACH ROW WHEN (
  OLD.active IS DISTINCT FROM NEW.active
  OR OLD.role IS DISTINCT FROM NEW.role
  OR OLD.branch_id IS DISTINCT FROM NEW.branch_id
  OR OLD.session_version IS DISTINCT FROM NEW.session_version
  OR OLD.must_change_password IS DISTINCT FROM NEW.must_change_password
) EXECUTE FUNCTION session_changes_notify();
--> statement-breakpoint
CREATE TRIGGER user_sessions_ended_notify AFTER UPDATE ON user_sessions
FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
EXECUTE FUNCTION session_changes_notify();
--> statement-breakpoint
CREATE TRIGGER user_sessions_deleted_notify AFTER DELETE ON user_sessions
FOR EACH ROW WHEN (OLD.ended_at IS NULL)
EXECUTE FUNCTION session_changes_notify();
