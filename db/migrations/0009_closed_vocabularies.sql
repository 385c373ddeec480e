-- Job states, issuance reasons and roles become text columns with CHECK constraints built from
-- lib/vocabulary.ts (users.role leaves its enum type: existing values convert to text as they are).
-- Existing rows only ever hold these values, so adding the constraints changes no data; a row that
-- did not would stop the migration here rather than be guessed at. issuance_state_rank(text),
-- job_events_notify() and the receiver's SQL read the same text columns as before.
ALTER TABLE "users" ALTER COLUMN "role" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_state_check" CHECK ("issuance_jobs"."state" in ('submitting', 'requested', 'ready', 'done', 'data_exception', 'production_exception', 'canceled', 'submission_failed'));--> statement-breakpoint
ALTER TABLE "issuance_jobs" ADD CONSTRAINT "issuance_jobs_reason_check" CHECK ("issuance_jobs"."reason" in ('CREATION', 'REPLACEMENT', 'RENEWAL'));--> statement-breakpoint
ALTER TABLE "job_events" ADD CONSTRAINT "job_events_state_check" CHECK ("job_events"."state" in ('submitting', 'requested', 'ready', 'done', 'data_exception', 'production_exception', 'canceled', 'submission_failed'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('teller', 'manager', 'admin'));--> statement-breakpoint
DROP TYPE "public"."user_role";